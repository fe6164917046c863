namespace SharedServicesPipeline.Pipeline.Submissions;

/// <summary>
/// Problems of one reason code beyond those listed (<c>Intake:MaxListedProblems</c>): how many there were and in how
/// many rows, so the counts stay exact when the list stops. Their rows are fixed the same way as the listed ones.
/// </summary>
public sealed record UnlistedProblems(string Code, ProblemSeverity Severity, int Occurrences, int Rows);
