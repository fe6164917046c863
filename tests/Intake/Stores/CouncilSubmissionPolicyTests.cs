using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SharedServicesPipeline.DataMart;
using SharedServicesPipeline.Pipeline;
using SharedServicesPipeline.Pipeline.Intake;
using SharedServicesPipeline.Publishing;
using SharedServicesPipeline.Pipeline.Reporting;
using SharedServicesPipeline.Pipeline.Submissions;
using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.Intake.Stores;

/// <summary>
/// Submissions bound to their council, specified once for every store: a file under <c>incoming/&lt;GSS code&gt;/</c> is
/// that council's and may change only arrangements it is part of; a file directly under <c>incoming/</c> is the
/// programme team's; a folder that is no council's code is refused.
/// </summary>
public abstract class CouncilSubmissionPolicyTests
{
    private const string Adur = "E07000223";
    private const string MidSussex = "E07000228";

    protected abstract Task<StoreUnderTest> StartAsync();

    private static byte[] AdurAndWorthingLegal(decimal annualSavings) => SubmissionCsv.Build(WorkbookBuilder.Row(
        "Adur and Worthing shared legal service", "Adur District Council; Worthing Borough Council",
        reference: "AW-LEGAL-01", lead: "Adur District Council", start: new DateTime(2012, 4, 1), annualSavings: annualSavings));

    [Fact]
    public async Task A_council_s_file_for_its_own_arrangement_is_loaded_recorded_as_that_council_s_and_filed_in_its_folder()
    {
        await using var store = await StartAsync();
        await store.DropAsync($"{Adur}/legal.csv", AdurAndWorthingLegal(250_000m));
        var waiting = Assert.Single(await store.Store.ListAsync(CancellationToken.None));

        var outcome = await store.ProcessAsync($"{Adur}/legal.csv");

        Assert.Equal((1, 0, 0), (outcome!.RowsAccepted, outcome.RowsHeld, outcome.RowsRejected));
        Assert.Equal(Adur, outcome.SubmittingCouncil);
        Assert.Equal(Adur, await store.InScopeAsync(sp => sp.GetRequiredService<MartDbContext>().Submissions
            .Where(s => s.SubmissionId == outcome.SubmissionId).Select(s => s.SubmittingCouncil).SingleAsync()));
        Assert.Equal($"{Adur}/{waiting.ReceivedAt.UtcDateTime:yyyy'/'MM'/'dd}/legal.csv", Assert.Single(await store.FiledAsync(SubmissionShelf.Processed)));
    }

    [Fact]
    public async Task A_council_s_file_that_changes_another_council_s_arrangement_changes_nothing_published_and_tells_the_submitter_why()
    {
        await using var store = await StartAsync();
        await store.DropAsync("legal.csv", AdurAndWorthingLegal(250_000m));
        Assert.Equal(1, (await store.ProcessAsync("legal.csv"))!.RowsAccepted);
        await RefreshAsync(store);
        var published = await PublishedAsync(store);

        // Mid Sussex is not party to Adur and Worthing's arrangement, yet sends it with its savings changed.
        await store.DropAsync($"{MidSussex}/legal.csv", AdurAndWorthingLegal(9_999_999m));
        var outcome = await store.ProcessAsync($"{MidSussex}/legal.csv");
        var refresh = await RefreshAsync(store);

        Assert.NotEqual(RefreshStatus.Failed, refresh.Status);
        Assert.Equal(published, await PublishedAsync(store));
        Assert.Equal((0, 1), (outcome!.RowsAccepted, outcome.RowsHeld));
        Assert.Equal(MidSussex, outcome.SubmittingCouncil);
        var reported = (await store.InScopeAsync(async sp => OutcomeReport.Read(
            (await sp.GetRequiredService<IReportSink>().ReadAsync(outcome.SubmissionId, OutcomeReport.FileName, CancellationToken.None))!)))!;
        var reason = Assert.Single(reported.Problems, p => p.Code == "submission.not-a-party");
        Assert.Equal(2, reason.Row);
        Assert.Contains("Mid Sussex District Council", reason.Message, StringComparison.Ordinal);
        Assert.Contains($"incoming/{MidSussex}/", reason.Message, StringComparison.Ordinal);
        Assert.Contains("ask one of the partner councils to submit it", reason.Message, StringComparison.Ordinal);
        // Still held after the refresh: a held row's partners all resolve, but it stays the council's to not change.
        Assert.Equal(1, await store.InScopeAsync(sp => sp.GetRequiredService<MartDbContext>().HeldRows.CountAsync(h => h.State == "held")));
    }

    [Theory]
    [InlineData("shared-services")]
    [InlineData("E07999999")]
    [InlineData("E38000001")]
    public async Task A_file_in_a_folder_that_is_not_a_council_s_GSS_code_is_refused_with_a_reason_and_nothing_is_loaded(string folder)
    {
        await using var store = await StartAsync();
        await store.DropAsync($"{folder}/legal.csv", AdurAndWorthingLegal(250_000m));

        var outcome = await store.ProcessAsync($"{folder}/legal.csv");

        Assert.Equal(SubmissionDisposition.Rejected, outcome!.Disposition);
        var problem = Assert.Single(outcome.Problems);
        Assert.Equal(SubmissionOrigin.UnknownCouncilCode, problem.Code);
        Assert.Contains(folder, problem.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(await store.Store.ListAsync(CancellationToken.None));
        Assert.EndsWith("/legal.csv", Assert.Single(await store.FiledAsync(SubmissionShelf.Rejected)), StringComparison.Ordinal);
        Assert.Equal(0, await store.InScopeAsync(sp => sp.GetRequiredService<MartDbContext>().Arrangements.CountAsync()));
    }

    private static Task<RefreshOutcome> RefreshAsync(StoreUnderTest store) =>
        store.InScopeAsync(sp => sp.GetRequiredService<ExtractRefresher>().RefreshAsync(force: true, CancellationToken.None));

    private static Task<string> PublishedAsync(StoreUnderTest store) =>
        store.InScopeAsync(async sp =>
        {
            var extracts = sp.GetRequiredService<IExtractStore>();
            var files = new List<string>();
            foreach (var name in new[] { "fact_arrangement.csv", "bridge_arrangement_partner.csv", "fact_arrangement_history.csv" })
            {
                files.Add(System.Text.Encoding.UTF8.GetString((await extracts.ReadLatestAsync(name, CancellationToken.None))!));
            }

            return string.Join("\n---\n", files);
        });
}
