namespace SharedServicesPipeline.Tests.Fuzz;

/// <summary>What one case came to: its outcome (e.g. "Rejected file.corrupt", "Processed") or why it failed the test.</summary>
internal sealed record FuzzCaseResult(FuzzCase Case, string Outcome, string? Failure = null, int RowsRead = 0)
{
    public bool Failed => Failure is not null;

    public bool Rejected => Outcome.StartsWith("Rejected", StringComparison.Ordinal);

    /// <summary>The rejection's reason code, for a rejected case.</summary>
    public string? Code => Rejected ? Outcome["Rejected ".Length..] : null;
}
