using SharedServicesPipeline.Pipeline.Reference;
using SharedServicesPipeline.Pipeline.Validation;

namespace SharedServicesPipeline.Publishing;

/// <summary>The blank submission template, published with every run beside the dashboard that links to it.</summary>
public sealed class SubmissionTemplateArtifact(AuthorityRegister register, ServiceAreaTaxonomy taxonomy) : IPublishedArtifact
{
    public Task<IReadOnlyList<PublishedFile>> BuildAsync(IReadOnlyList<ExtractTable> tables, PublishContext context, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<PublishedFile>>([new PublishedFile(SubmissionTemplate.FileName, SubmissionTemplate.Write(register, taxonomy))]);
}
