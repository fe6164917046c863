using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using SharedServicesPipeline.Functions.Functions;
using SharedServicesPipeline.Functions.Storage;
using SharedServicesPipeline.Pipeline.Reporting;
using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.Functions;

/// <summary><c>GET /api/submissions/{id}</c> over real Azurite: the outcome as JSON, the report page for a browser.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class GetSubmissionFunctionTests
{
    [Theory]
    [InlineData("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "text/html; charset=utf-8")] // a browser
    [InlineData("application/json", "application/json")]
    [InlineData("*/*", "application/json")] // curl
    [InlineData(null, "application/json")]
    [InlineData("application/json, text/html;q=0.5", "application/json")]
    public async Task Submission_is_its_report_page_when_the_client_asks_for_html_and_its_outcome_otherwise(string? accept, string expected)
    {
        await using var host = await FunctionsHost.StartAsync();
        var blob = await host.DropAsync("county-return.csv", await File.ReadAllBytesAsync(Path.Combine(RepositoryPaths.Samples, "county-return.csv")));
        var outcome = await host.InScopeAsync(sp => sp.GetRequiredService<BlobSubmissionProcessor>().ProcessAsync(blob, CancellationToken.None));
        // The blob host writes the same reports as the folder host.
        Assert.Equal([OutcomeReport.FileName, ReportPage.FileName, ReportWorkbook.FileName, ArrangementSnapshot.ReportName], outcome.Reports);
        var request = new DefaultHttpContext().Request;
        if (accept is not null)
        {
            request.Headers.Accept = accept;
        }

        var result = await host.InScopeAsync(sp => new GetSubmission(sp.GetRequiredService<IReportSink>()).Run(request, outcome.SubmissionId, CancellationToken.None));

        var file = Assert.IsType<FileContentResult>(result);
        Assert.Equal(expected, file.ContentType);
        var body = Encoding.UTF8.GetString(file.FileContents);
        if (expected.StartsWith("text/html", StringComparison.Ordinal))
        {
            Assert.StartsWith("<!DOCTYPE html>", body, StringComparison.Ordinal);
            Assert.Contains("Loaded: every arrangement was loaded", body, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(outcome.SubmissionId, OutcomeReport.Read(file.FileContents)!.SubmissionId);
        }
    }

    [Fact]
    public async Task Unknown_submission_is_not_found_as_html_too()
    {
        await using var host = await FunctionsHost.StartAsync();
        var request = new DefaultHttpContext().Request;
        request.Headers.Accept = "text/html";

        var result = await host.InScopeAsync(sp => new GetSubmission(sp.GetRequiredService<IReportSink>()).Run(request, "20261201-000000000000", CancellationToken.None));

        Assert.IsType<NotFoundObjectResult>(result);
    }
}
