using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using SharedServicesPipeline.DataMart;
using SharedServicesPipeline.Functions.Reference;

namespace SharedServicesPipeline.Functions.Functions;

/// <summary>
/// <c>GET /api/health/deep</c> (function key): also checks the mart, which wakes a paused serverless database, and
/// says which reference data is in use and any problem in the reference container's files: "degraded" (still 200,
/// the last good data is in use) until fixed. Behind a key because both are for operators, not passers-by.
/// </summary>
public sealed class HealthDeep(MartDbContext mart, ReloadingAuthorityMatcher reference)
{
    [Function(nameof(HealthDeep))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = Health.DeepRoute)] HttpRequest request,
        CancellationToken cancellationToken)
    {
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
