using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using SharedServicesPipeline.DataMart;

namespace SharedServicesPipeline.Functions.Functions;

/// <summary><c>GET /api/health</c> (anonymous): is the mart reachable. Says nothing else about the system.</summary>
public sealed class Health(MartDbContext mart)
{
    [Function(nameof(Health))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var martUp = await mart.Database.CanConnectAsync(cancellationToken);
        return new ObjectResult(new { status = martUp ? "healthy" : "unhealthy", mart = martUp ? "reachable" : "unreachable" })
        {
            StatusCode = martUp ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable,
        };
    }
}
