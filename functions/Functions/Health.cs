using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace SharedServicesPipeline.Functions.Functions;

/// <summary>
/// <c>GET /api/health</c> (anonymous, shallow): the worker is up, and nothing more. It holds neither the mart nor the
/// reference data, so no stranger can wake the serverless database or learn about the reference files through it.
/// The deep check is <see cref="HealthDeep"/>, behind a function key; asking this endpoint for it (<c>?deep=true</c>)
/// is refused with where to go instead, rather than answered shallowly as if all were checked.
/// </summary>
public sealed class Health
{
    public const string DeepRoute = "health/deep";

    [Function(nameof(Health))]
    public IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request)
    {
        if (request.Query.ContainsKey("deep"))
        {
            return new ObjectResult(new
            {
                error = $"The deep check needs a function key: GET /api/{DeepRoute} with the key in the x-functions-key header (or ?code=).",
            })
            {
                StatusCode = StatusCodes.Status401Unauthorized,
            };
        }

        return new OkObjectResult(new { status = "healthy" });
    }
}
