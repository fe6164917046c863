using System.Text.Json;

namespace SharedServicesPipeline.Pipeline.Reporting;

/// <summary>
/// A return's arrangements as loaded (<c>arrangements.json</c> beside its report), so that the next return from the same
/// council can say what changed. Contact details are never in it; a description is kept as a fingerprint, not as text.
/// </summary>
public sealed record ArrangementSnapshot(string SubmissionId, string FileName, DateTimeOffset ReceivedAt, IReadOnlyList<string> LeadAuthorities, IReadOnlyList<SubmittedArrangement> Arrangements)
{
    public const string ReportName = "arrangements.json";

    // Not indented: a machine's file, one line an arrangement's worth of keys, not a line a value (a 100k-row return's
    // snapshot was 90 MB indented, held in memory while it was written).
    private static readonly JsonSerializerOptions Compact = new(PublishedJson.Options) { WriteIndented = false };

    public byte[] Write() => JsonSerializer.SerializeToUtf8Bytes(this, Compact);

    public static ArrangementSnapshot? Read(ReadOnlySpan<byte> json) => JsonSerializer.Deserialize<ArrangementSnapshot>(json, PublishedJson.Options);
}
