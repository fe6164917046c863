using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using SharedServicesPipeline.Pipeline.Reporting;

namespace SharedServicesPipeline.Functions.Functions;

/// <summary><c>GET /api/submissions/{id}</c> (function key): the submission's machine-readable outcome.</summary>
public sealed class GetSubmission(IReportSink reports)
{
    [Function(nameof(GetSubmission))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "submissions/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        var json = await reports.ReadAsync(id, OutcomeReport.FileName, cancellationToken);
        return json is null
            ? new NotFoundObjectResult(new { error = $"No submission '{id}'." })
            : new FileContentResult(json, "application/json");
    }
}
