using System.Text;
using System.Text.Json;
using SharedServicesPipeline.Pipeline;
using SharedServicesPipeline.Pipeline.Reporting;
using SharedServicesPipeline.Pipeline.Validation;

namespace SharedServicesPipeline.Tests.Reporting;

/// <summary>
/// "Since your last return" compares two arrangements.json files read forward, by key and a hash of the values: every
/// change counted, the first <see cref="SubmissionChanges.Listed"/> of each named, and a snapshot written before the
/// header moved after the arrangements (indented, header first) still read.
/// </summary>
public sealed class SnapshotComparisonTests
{
    private static readonly DateTimeOffset Before = new(2026, 10, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_previous_snapshot_in_the_old_layout_is_compared_by_key_and_values_and_every_change_is_counted()
    {
        // Before: r1..r3 loaded, r4 held, r5..r204 loaded (200 that will go missing). Now: r1 the same, r2 with new savings,
        // r3 no longer loaded, r4 loaded now, and 120 new ones.
        List<SubmittedArrangement> previous =
        [
            Arrangement("ref:r1", RowOutcome.Accepted, ("Annual savings (£)", "£1,000")),
            Arrangement("ref:r2", RowOutcome.Accepted, ("Annual savings (£)", "£25,000")),
            Arrangement("ref:r3", RowOutcome.Accepted, ("Status", "Live")),
            Arrangement("ref:r4", RowOutcome.Held),
            .. Enumerable.Range(5, 200).Select(i => Arrangement($"ref:r{i}", RowOutcome.Accepted, ("Status", "Live"))),
        ];
        List<SubmittedArrangement> current =
        [
            Arrangement("ref:r1", RowOutcome.Accepted, ("Annual savings (£)", "£1,000")),
            Arrangement("ref:r2", RowOutcome.Accepted, ("Annual savings (£)", "£30,000")),
            Arrangement("ref:r3", RowOutcome.Rejected),
            Arrangement("ref:r4", RowOutcome.Accepted, ("Status", "Live")),
            .. Enumerable.Range(1_000, 120).Select(i => Arrangement($"ref:n{i}", RowOutcome.Accepted)),
        ];
        var oldLayout = JsonSerializer.SerializeToUtf8Bytes(
            new { SubmissionId = "20261001-previous", FileName = "return.xlsx", ReceivedAt = Before, LeadAuthorities = new[] { "E10000012" }, Arrangements = previous },
            PublishedJson.Options);
        using var snapshot = CurrentSnapshot(current);

        var changes = await SubmissionChanges.CompareAsync(new MemoryStream(oldLayout), _ => Task.FromResult<Stream?>(new MemoryStream(oldLayout)), [], snapshot, [],
            "the same file name", ["E10000012"], CancellationToken.None);

        Assert.NotNull(changes);
        Assert.Equal(("20261001-previous", "return.xlsx", Before), (changes.PreviousSubmissionId, changes.PreviousFileName, changes.PreviousReceivedAt));
        Assert.Equal((120, 1, 1, 1, 1, 200),
            (changes.Added.Count, changes.Changed.Count, changes.Unchanged.Count, changes.NowLoaded.Count, changes.NoLongerLoaded.Count, changes.Missing.Count));
        Assert.Equal(SubmissionChanges.Listed, changes.Added.First.Count);
        Assert.Equal(SubmissionChanges.Listed, changes.Missing.First.Count);
        Assert.Equal("ref:r5", changes.Missing.First[0].Key);
        var changed = Assert.Single(changes.Changed.First);
        Assert.Equal("ref:r2", changed.Arrangement.Key);
        Assert.Equal([new FieldChange("Annual savings (£)", "£25,000", "£30,000")], changed.Fields);
        Assert.Equal("ref:r4", Assert.Single(changes.NowLoaded.First).Key);
        Assert.Equal("ref:r3", Assert.Single(changes.NoLongerLoaded.First).Key);
    }

    [Fact]
    public async Task A_previous_snapshot_of_other_lead_authorities_is_not_compared()
    {
        var previous = JsonSerializer.SerializeToUtf8Bytes(
            new { SubmissionId = "p", FileName = "f.xlsx", ReceivedAt = Before, LeadAuthorities = new[] { "E10000016" }, Arrangements = new[] { Arrangement("ref:r1", RowOutcome.Accepted) } },
            PublishedJson.Options);
        using var snapshot = CurrentSnapshot([Arrangement("ref:r1", RowOutcome.Accepted)]);

        var changes = await SubmissionChanges.CompareAsync(new MemoryStream(previous), _ => Task.FromResult<Stream?>(new MemoryStream(previous)), [], snapshot, [],
            "the same lead authorities", ["E10000012"], CancellationToken.None);

        Assert.Null(changes);
    }

    private static SubmittedArrangement Arrangement(string key, RowOutcome outcome, params (string Field, string Value)[] fields) =>
        new(key, "Shared " + key, "Sheet1", 2, outcome, fields.ToDictionary(f => f.Field, f => f.Value));

    // The current return's snapshot as the collector lays it out: the arrangements first, the header after them.
    private static ArrangementSnapshot CurrentSnapshot(IReadOnlyList<SubmittedArrangement> arrangements)
    {
        var arrays = JsonSerializer.Serialize(arrangements, PublishedJson.Options);
        var json = $$"""{"arrangements":{{arrays}},"submission_id":"now","file_name":"return.xlsx","received_at":"2026-11-01T09:00:00+00:00","lead_authorities":["E10000012"]}""";
        return new ArrangementSnapshot("now", "return.xlsx", Before.AddMonths(1), ["E10000012"], new MemoryStream(Encoding.UTF8.GetBytes(json)));
    }
}
