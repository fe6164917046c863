namespace SharedServicesPipeline.Pipeline.Intake;

/// <summary>A submission waiting in a store, as the store recorded it.</summary>
/// <param name="Name">Its name under the incoming area, '/' between folders (<c>E07000223/return.xlsx</c>).</param>
/// <param name="ReceivedAt">
/// When it arrived, from the store itself (the blob's or file's creation time), never the clock: every attempt at the
/// same file sees the same time, so a retry after a crash gets the original outcome rather than a new id.
/// </param>
/// <param name="Attempts">Attempts made on it so far.</param>
/// <param name="Submitter">Who sent it, where the store knows (blob metadata <c>submitter</c>).</param>
/// <param name="Version">The store's version of it (a blob's ETag), so that two deliveries cannot both count the same attempt.</param>
public sealed record StoredSubmission(string Name, DateTimeOffset ReceivedAt, int Attempts, string? Submitter = null, string? Version = null);
