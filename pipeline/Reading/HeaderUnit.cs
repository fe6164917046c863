namespace SharedServicesPipeline.Pipeline.Reading;

/// <summary>The unit a savings header gives its figures, read with the header (so reading needs nothing from validation).</summary>
public static class HeaderUnit
{
    /// <summary>1,000 for "(£000s)", "(£k)", "£'000"; 1,000,000 for "(£m)"; else 1.</summary>
    public static decimal ScaleOf(string header)
    {
        var text = header.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
        if (text.Contains("£000", StringComparison.Ordinal) || text.Contains("'000", StringComparison.Ordinal) || text.Contains("(000", StringComparison.Ordinal)
            || text.Contains("£k", StringComparison.Ordinal) || text.Contains("(k)", StringComparison.Ordinal) || text.Contains("thousand", StringComparison.Ordinal))
        {
            return 1_000m;
        }

        return text.Contains("(£m)", StringComparison.Ordinal) || text.Contains("£m)", StringComparison.Ordinal) || text.EndsWith("£m", StringComparison.Ordinal)
            || text.Contains("£mn", StringComparison.Ordinal) || text.Contains("million", StringComparison.Ordinal)
            ? 1_000_000m
            : 1m;
    }
}
