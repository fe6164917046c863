namespace SharedServicesPipeline.Pipeline.Reference;

/// <summary>Tells what an unmatched name is, from its words (see <see cref="ReviewReason"/>).</summary>
internal static class ReviewReasons
{
    private static readonly HashSet<string> CompanyForms = new(StringComparer.Ordinal)
    {
        "ltd", "limited", "plc", "llp", "cic", "lp", "llc", "inc",
    };

    // Plural words that describe councils in bulk ("the seven Essex districts", "Greater Essex authorities").
    private static readonly HashSet<string> GroupWords = new(StringComparer.Ordinal)
    {
        "councils", "districts", "boroughs", "authorities", "counties", "unitaries", "dcs", "bcs", "ccs",
    };

    public static ReviewReason Of(string canonical)
    {
        if (canonical.Length == 0 || CouncilAffixes.IsPlaceholder(canonical))
        {
            return ReviewReason.Placeholder;
        }

        if (CouncilAffixes.IsNonPrincipal(canonical))
        {
            return ReviewReason.LocalCouncil;
        }

        var tokens = canonical.Split(' ');
        if (CompanyForms.Contains(tokens[^1]) || canonical.EndsWith(" community interest company", StringComparison.Ordinal))
        {
            return ReviewReason.Company;
        }

        // "Kent councils", "all Essex districts", "Surrey districts and boroughs"; but "Ambridge and Borchester Councils" names its
        // councils, however unknown they are.
        var grouped = tokens.Any(GroupWords.Contains) && (!tokens.Contains("and") || tokens[..^1].Any(GroupWords.Contains));
        return grouped ? ReviewReason.GroupOfCouncils : ReviewReason.Unknown;
    }
}
