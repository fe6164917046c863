namespace SharedServicesPipeline.Pipeline.Submissions;

/// <summary>A submission as it arrives: its bytes, the name it was given and when it was received.</summary>
/// <param name="Content">The file's bytes; read once, need not be seekable.</param>
/// <param name="FileName">The name the submitter gave the file (a blob name or a local path's file name).</param>
/// <param name="ReceivedAt">When the file arrived.</param>
/// <param name="Submitter">Who sent it, where known (e.g. blob metadata).</param>
/// <param name="Council">The council it came from (its folder under incoming/); null for the programme team's own files.</param>
public sealed record SubmissionInput(Stream Content, string FileName, DateTimeOffset ReceivedAt, string? Submitter = null, SubmittingCouncil? Council = null);
