using System.Text.Json;
using SharedServicesPipeline.Pipeline.Submissions;

namespace SharedServicesPipeline.Pipeline.Reporting;

/// <summary>The machine-readable outcome (<c>outcome.json</c>), also served by <c>GET /api/submissions/{id}</c>.</summary>
public static class OutcomeReport
{
    public const string FileName = "outcome.json";

    public static byte[] Write(SubmissionOutcome outcome) => JsonSerializer.SerializeToUtf8Bytes(outcome, PublishedJson.Options);

    public static SubmissionOutcome? Read(ReadOnlySpan<byte> json) => JsonSerializer.Deserialize<SubmissionOutcome>(json, PublishedJson.Options);
}
