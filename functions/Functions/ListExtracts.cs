using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using SharedServicesPipeline.Functions.Storage;
using SharedServicesPipeline.Pipeline;
using SharedServicesPipeline.Publishing;

namespace SharedServicesPipeline.Functions.Functions;

/// <summary><c>GET /api/extracts</c> (function key): the latest run's files from its manifest, with short-lived read links.</summary>
public sealed class ListExtracts(ExtractLinks links)
{
    [Function(nameof(ListExtracts))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "extracts")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var listing = await links.ListLatestAsync(cancellationToken);
        return listing is null
            ? new NotFoundObjectResult(new { error = "No extracts have been published yet. Run a refresh (POST /api/refresh) first." })
            : new JsonResult(listing, PublishedJson.Options);
    }
}
