using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using SharedServicesPipeline.Functions.Storage;
using SharedServicesPipeline.Pipeline;
using SharedServicesPipeline.Pipeline.Publishing;

namespace SharedServicesPipeline.Functions.Functions;

/// <summary><c>POST /api/refresh</c> (function key): the same refresh on demand; returns the run record.</summary>
public sealed class RefreshNow(ExtractRefresher refresher, StaticWebsitePublisher website)
{
    [Function(nameof(RefreshNow))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "refresh")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var outcome = await refresher.RefreshAsync(cancellationToken);
        await website.PublishAsync(cancellationToken);
        return new JsonResult(outcome, ManifestJson.Options);
    }
}
