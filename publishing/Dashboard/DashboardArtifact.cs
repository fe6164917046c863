using Microsoft.Extensions.Logging;
using SharedServicesPipeline.Publishing.Councils;
using SharedServicesPipeline.Pipeline.Reference;

namespace SharedServicesPipeline.Publishing.Dashboard;

/// <summary>Publishes dashboard.html with every run: the headline figures, charts, map and table from the run's tables.</summary>
public sealed partial class DashboardArtifact : IPublishedArtifact
{
    public const string FileName = "dashboard.html";

    private readonly ILogger<DashboardArtifact> _logger;
    private readonly CouncilBoundaries _boundaries;
    private readonly AuthorityRegister _register;

    public DashboardArtifact(ILogger<DashboardArtifact> logger, CouncilBoundaries boundaries, AuthorityRegister register)
    {
        _logger = logger;
        _boundaries = boundaries;
        _register = register;
    }

    public Task<IReadOnlyList<PublishedFile>> BuildAsync(IReadOnlyList<ExtractTable> tables, PublishContext context, CancellationToken cancellationToken)
    {
        var model = DashboardModelBuilder.Build(tables, context) with
        {
            Councils = DashboardCouncilsBuilder.Build(tables, _boundaries, _register, CouncilSearchVocabulary.BuiltInAliases),
        };
        var page = new MemoryStream();
        DashboardPage.Write(model, DashboardAssets.BuiltIn, _boundaries.TopoJson, page);
        // The stream's own buffer, not a copy of it: the page of a 100k mart is 70 MB.
        var bytes = new ReadOnlyMemory<byte>(page.GetBuffer(), 0, (int)page.Length);
        LogBuilt(context.RunId, model.Headline.Arrangements, model.Places.Count(p => p.IsPartner), bytes.Length);
        // Rows: the arrangements it shows, so the manifest and `ssp refresh` say how much the page carries.
        return Task.FromResult<IReadOnlyList<PublishedFile>>([new PublishedFile(FileName, bytes, Rows: model.Headline.Arrangements)]);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Dashboard for run {RunId}: {Arrangements} arrangements, {Partners} partners on the map, {Bytes} bytes")]
    private partial void LogBuilt(string runId, int arrangements, int partners, int bytes);
}
