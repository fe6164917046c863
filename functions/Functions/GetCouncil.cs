using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using SharedServicesPipeline.Publishing.Councils;

namespace SharedServicesPipeline.Functions.Functions;

/// <summary><c>GET /api/councils/{code}</c> (function key): a council's view as JSON, the same as <c>ssp council --json</c>.</summary>
public sealed class GetCouncil(CouncilViews views)
{
    [Function(nameof(GetCouncil))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "councils/{code}")] HttpRequest request,
        string code,
        CancellationToken cancellationToken)
    {
        var view = await views.BuildAsync(code, cancellationToken);
        return view is null
            ? new NotFoundObjectResult(new { error = $"No council '{code}' in the mart: give a council's GSS code, e.g. E07000112." })
            : new FileContentResult(CouncilViewJson.Serialize(view), "application/json");
    }
}
