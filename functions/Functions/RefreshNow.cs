using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using SharedServicesPipeline.Pipeline;
using SharedServicesPipeline.Publishing;

namespace SharedServicesPipeline.Functions.Functions;

/// <summary>
/// <c>POST /api/refresh</c> (function key): the same refresh on demand; returns the run record. 200 when it published
/// or nothing changed, 409 when another refresh is running, 500 when it failed (the previous extracts stay).
/// <c>?force=true</c> publishes a new run even when nothing changed.
/// </summary>
public sealed class RefreshNow(ExtractRefresher refresher)
{
    [Function(nameof(RefreshNow))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "refresh")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var force = string.Equals(request.Query["force"], "true", StringComparison.OrdinalIgnoreCase);
        var outcome = await refresher.RefreshAsync(force, cancellationToken);
        return new JsonResult(outcome, PublishedJson.Options)
        {
            StatusCode = outcome.Status switch
            {
                RefreshStatus.Busy => StatusCodes.Status409Conflict,
                RefreshStatus.Failed => StatusCodes.Status500InternalServerError,
                _ => StatusCodes.Status200OK,
            },
        };
    }
}
