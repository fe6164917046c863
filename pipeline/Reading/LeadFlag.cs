namespace SharedServicesPipeline.Pipeline.Reading;

/// <summary>
/// A lead column used as a tick box on one-partner-per-row returns ("Lead?" marked Y on the lead's row): true or false
/// when the cell is such a mark, null when it holds anything else (a council's name).
/// </summary>
internal static class LeadFlag
{
    private static readonly HashSet<string> Yes = new(StringComparer.Ordinal) { "y", "yes", "x", "✓", "✔", "true", "lead", "1" };
    private static readonly HashSet<string> No = new(StringComparer.Ordinal) { "n", "no", "false", "0", "-" };

    public static bool? Of(object? value)
    {
        switch (value)
        {
            case bool b:
                return b;
            case double d when d is 0 or 1:
                return d == 1;
            case string s:
                var key = s.Trim().ToLowerInvariant();
                return Yes.Contains(key) ? true : No.Contains(key) ? false : null;
            default:
                return null;
        }
    }
}
