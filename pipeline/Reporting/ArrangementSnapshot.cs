namespace SharedServicesPipeline.Pipeline.Reporting;

/// <summary>
/// A return's arrangements as loaded (<c>arrangements.json</c> beside its report), so that the next return from the same
/// council can say what changed. Contact details are never in it; a description is kept as a fingerprint, not as text.
/// The JSON is built in a temporary file as the rows stream past (<see cref="ArrangementSnapshotCollector"/>), one
/// arrangement at a time, and written to the report sink from there: a 100k-row return's snapshot (about 70 MB) is
/// never held in memory, and it is compared with the previous one by reading both forward (<see cref="SnapshotScan"/>).
/// </summary>
public sealed class ArrangementSnapshot : IDisposable
{
    public const string ReportName = "arrangements.json";

    private readonly Stream _json;

    internal ArrangementSnapshot(string submissionId, string fileName, DateTimeOffset receivedAt, IReadOnlyList<string> leadAuthorities, Stream json)
    {
        SubmissionId = submissionId;
        FileName = fileName;
        ReceivedAt = receivedAt;
        LeadAuthorities = leadAuthorities;
        _json = json;
    }

    public string SubmissionId { get; }

    public string FileName { get; }

    public DateTimeOffset ReceivedAt { get; }

    public IReadOnlyList<string> LeadAuthorities { get; }

    /// <summary>The snapshot's JSON from its first byte (one stream, rewound at each call: read it to the end before the next).</summary>
    public Stream OpenJson()
    {
        _json.Position = 0;
        return _json;
    }

    public void Dispose() => _json.Dispose();
}
