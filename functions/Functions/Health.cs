using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using SharedServicesPipeline.DataMart;

namespace SharedServicesPipeline.Functions.Functions;

/// <summary>
/// <c>GET /api/health</c> (anonymous): the worker is up. <c>?deep=true</c> also checks the mart; plain probes leave
/// it alone so that a serverless database can pause.
/// </summary>
public sealed class Health(MartDbContext mart)
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
        return new ObjectResult(new { status = martUp ? "healthy" : "unhealthy", mart = martUp ? "reachable" : "unreachable" })
        {
            StatusCode = martUp ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable,
        };
    }
}
