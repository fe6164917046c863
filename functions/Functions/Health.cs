using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using SharedServicesPipeline.DataMart;
using SharedServicesPipeline.Functions.Reference;

namespace SharedServicesPipeline.Functions.Functions;

/// <summary>
/// <c>GET /api/health</c> (anonymous): the worker is up. <c>?deep=true</c> also checks the mart; plain probes leave
/// it alone so that a serverless database can pause. The deep check also says which reference data is in use and
/// any problem in the reference container's files: "degraded" (still 200, the last good data is in use) until fixed.
/// </summary>
public sealed class Health(MartDbContext mart, ReloadingAuthorityMatcher reference)
{
    [Function(nameof(Health))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if (!string.Equals(request.Query["deep"], "true", StringComparison.OrdinalIgnoreCase))
        {
            return new OkObjectResult(new { status = "healthy" });
        }

        var martUp = await mart.Database.CanConnectAsync(cancellationToken);
        var referenceData = reference.Status;
        var status = !martUp ? "unhealthy" : referenceData.Problems.Count > 0 ? "degraded" : "healthy";
        return new ObjectResult(new
        {
            status,
            mart = martUp ? "reachable" : "unreachable",
            reference = new { source = referenceData.Source, problems = referenceData.Problems.Select(p => p.ToString()).ToList() },
        })
        {
            StatusCode = martUp ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable,
        };
    }
}
