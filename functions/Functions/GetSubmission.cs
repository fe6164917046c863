using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Net.Http.Headers;
using SharedServicesPipeline.Pipeline.Reporting;

namespace SharedServicesPipeline.Functions.Functions;

/// <summary>
/// <c>GET /api/submissions/{id}</c> (function key): the submission's outcome as JSON; its report page when the client
/// asks for <c>text/html</c> (a browser), so an officer can follow the link to what to fix.
/// </summary>
public sealed class GetSubmission(IReportSink reports)
{
    [Function(nameof(GetSubmission))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "submissions/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        if (WantsHtml(request) && await reports.ReadAsync(id, ReportPage.FileName, cancellationToken) is { } page)
        {
            request.HttpContext.Response.Headers.Append("X-Content-Type-Options", "nosniff");
            request.HttpContext.Response.Headers.Vary = "Accept";
            return new FileContentResult(page, "text/html; charset=utf-8");
        }

        var json = await reports.ReadAsync(id, OutcomeReport.FileName, cancellationToken);
        return json is null
            ? new NotFoundObjectResult(new { error = $"No submission '{id}'." })
            : new FileContentResult(json, "application/json");
    }

    /// <summary>True when the Accept header prefers HTML to JSON (a browser's does; a script's usually does not).</summary>
    internal static bool WantsHtml(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted))
        {
            return false;
        }

        double Quality(string type) => accepted.Where(a => a.MediaType.Equals(type, StringComparison.OrdinalIgnoreCase)).Select(a => a.Quality ?? 1).DefaultIfEmpty(0).Max();
        var html = Quality("text/html");
        return html > 0 && html >= Quality("application/json");
    }
}
