using SharedServicesPipeline.DataMart;
using SharedServicesPipeline.Pipeline.Reference;

namespace SharedServicesPipeline.Functions.Reference;

/// <summary>
/// Called before every ingest and refresh: picks up a changed reference container and, when the matcher changed, brings
/// dim_authority in line with its register, as the CLI does at every run with its reference folder.
/// </summary>
public sealed class ReferenceSync(ReloadingAuthorityMatcher matcher, MartInitializer mart) : IReferenceCheck
{
    public async Task EnsureCurrentAsync(CancellationToken cancellationToken)
    {
        if (await matcher.ReloadAsync(cancellationToken))
        {
            await mart.InitializeAsync(cancellationToken);
        }
    }
}
