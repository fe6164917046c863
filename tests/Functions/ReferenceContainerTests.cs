using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SharedServicesPipeline.DataMart;
using SharedServicesPipeline.Functions.Functions;
using SharedServicesPipeline.Functions.Reference;
using SharedServicesPipeline.Functions.Storage;
using SharedServicesPipeline.Pipeline.Reporting;
using SharedServicesPipeline.Pipeline.Submissions;
using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.Functions;

/// <summary>
/// An operator teaches the deployed pipeline a name by uploading reference/aliases.csv (or authorities.csv): the next ingest
/// uses it, without a release. A file with a problem is not applied; the error names the file and line.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReferenceContainerTests
{
    private const string Nickname = "Borsetshire Shared Services";
    private const string Basildon = "E07000066";
    private const string Essex = "E10000012";
    private const string AliasHeader = "alias,codes,kind,note\n";

    [Fact]
    public async Task A_partner_known_only_through_an_alias_in_the_reference_container_is_loaded_with_its_gss_code()
    {
        await using var host = await FunctionsHost.StartAsync();
        await UploadReferenceAsync(host, "aliases.csv", AliasHeader + $"{Nickname},{Basildon},name,Basildon's new shared service\n");

        var outcome = await IngestAsync(host, "alias-return.csv", "Joint legal service");

        Assert.Equal(SubmissionDisposition.Processed, outcome.Disposition);
        Assert.Equal(1, outcome.RowsAccepted);
        Assert.Equal(0, outcome.RowsHeld);
        Assert.Equal([Basildon, Essex], await PartnerCodesAsync(host));
    }

    [Fact]
    public async Task Without_the_alias_the_same_row_is_held_for_review()
    {
        await using var host = await FunctionsHost.StartAsync();

        var outcome = await IngestAsync(host, "alias-return.csv", "Joint legal service");

        Assert.Equal(1, outcome.RowsHeld);
        Assert.Equal(0, outcome.RowsAccepted);
        Assert.Empty(await PartnerCodesAsync(host));
    }

    [Fact]
    public async Task A_malformed_aliases_file_is_not_applied_is_logged_with_its_line_and_shows_in_the_deep_health_check()
    {
        var log = new CapturedLog();
        await using var host = await FunctionsHost.StartAsync(configure: s => s.AddLogging(l => l.AddProvider(log)));
        // Semicolons where commas belong: the row has an alias column and nothing else.
        await UploadReferenceAsync(host, "aliases.csv", AliasHeader + $"{Nickname};{Basildon};name\n");

        var outcome = await IngestAsync(host, "alias-return.csv", "Joint legal service");

        Assert.Equal(1, outcome.RowsHeld);
        var error = Assert.Single(log.Entries, e => e.Level == LogLevel.Error && e.Text.Contains("Reference file", StringComparison.Ordinal));
        Assert.Contains("File=aliases.csv", error.Text, StringComparison.Ordinal);
        Assert.Contains("Line=2", error.Text, StringComparison.Ordinal);
        Assert.Contains("no codes", error.Text, StringComparison.Ordinal);
        var health = await DeepHealthAsync(host);
        Assert.Equal("degraded", health.GetProperty("status").GetString());
        Assert.Equal("built-in", health.GetProperty("reference").GetProperty("source").GetString());
        Assert.Contains("aliases.csv line 2: no codes", health.GetProperty("reference").GetProperty("problems")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_upload_keeps_the_last_good_aliases_in_use()
    {
        await using var host = await FunctionsHost.StartAsync();
        await UploadReferenceAsync(host, "aliases.csv", AliasHeader + $"{Nickname},{Basildon},name,\n");
        Assert.Equal(1, (await IngestAsync(host, "first.csv", "Joint legal service")).RowsAccepted);

        await UploadReferenceAsync(host, "aliases.csv", AliasHeader + $"{Nickname},E0700006,name,a mistyped code\n");
        var second = await IngestAsync(host, "second.csv", "Joint audit service");

        Assert.Equal(1, second.RowsAccepted);
        Assert.Equal(0, second.RowsHeld);
        var health = await DeepHealthAsync(host);
        Assert.Contains("unknown code 'E0700006'", health.GetProperty("reference").GetProperty("problems")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_authority_added_in_the_reference_container_is_matched_and_enters_dim_authority()
    {
        await using var host = await FunctionsHost.StartAsync();
        await UploadReferenceAsync(host, "authorities.csv",
            "code,name,short_name,authority_type,tier_level,parent_code,region,nation,valid_from,valid_to,successor_codes,latitude,longitude\n"
            + "E06000999,Borsetshire Council,Borsetshire,unitary,single,,South West,England,2028-04-01,,,,\n");

        var outcome = await IngestAsync(host, "new-council.csv", "Joint legal service", partners: "Borsetshire Council; Essex County Council");

        Assert.Equal(1, outcome.RowsAccepted);
        Assert.Equal(["E06000999", Essex], await PartnerCodesAsync(host));
        Assert.True(await host.InScopeAsync(sp => sp.GetRequiredService<MartDbContext>().Authorities.AnyAsync(a => a.AuthorityCode == "E06000999" && a.IsCurrent)));
    }

    private static async Task UploadReferenceAsync(FunctionsHost host, string name, string text)
    {
        var container = host.Container(host.Containers.Reference);
        await container.CreateIfNotExistsAsync();
        await container.GetBlobClient(name).UploadAsync(BinaryData.FromString(text), overwrite: true);
    }

    private static async Task<SubmissionOutcome> IngestAsync(FunctionsHost host, string fileName, string title, string partners = $"Essex County Council; {Nickname}")
    {
        var blob = await host.DropAsync(fileName, SubmissionCsv.Build(WorkbookBuilder.Row(title, partners, start: new DateTime(2029, 4, 1))));
        await host.InScopeAsync(async sp =>
        {
            await new IngestSubmission(sp.GetRequiredService<BlobSubmissionProcessor>()).Run(blob, CancellationToken.None);
            return 0;
        });
        // The submitter's outcome.json, as the function wrote it.
        var outcomes = new List<SubmissionOutcome>();
        var reports = host.Container(host.Containers.Reports);
        foreach (var name in (await host.ListAsync(host.Containers.Reports)).Where(n => n.EndsWith("/" + OutcomeReport.FileName, StringComparison.Ordinal)))
        {
            var json = (await reports.GetBlobClient(name).DownloadContentAsync()).Value.Content;
            outcomes.Add(OutcomeReport.Read(json.ToMemory().Span)!);
        }

        return Assert.Single(outcomes, o => o.FileName == fileName);
    }

    private static Task<List<string>> PartnerCodesAsync(FunctionsHost host) => host.InScopeAsync(sp =>
    {
        var db = sp.GetRequiredService<MartDbContext>();
        return (from p in db.ArrangementPartners
                join a in db.Authorities on p.AuthorityKey equals a.AuthorityKey
                orderby a.AuthorityCode
                select a.AuthorityCode).ToListAsync();
    });

    private static async Task<JsonElement> DeepHealthAsync(FunctionsHost host)
    {
        var request = new DefaultHttpContext().Request;
        var result = await host.InScopeAsync(sp =>
            new HealthDeep(sp.GetRequiredService<MartDbContext>(), sp.GetRequiredService<ReloadingAuthorityMatcher>()).Run(request, CancellationToken.None));
        var value = Assert.IsType<ObjectResult>(result).Value;
        return JsonSerializer.SerializeToElement(value);
    }
}
