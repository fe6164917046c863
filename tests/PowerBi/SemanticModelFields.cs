namespace SharedServicesPipeline.Tests.PowerBi;

/// <summary>What a report can refer to in a TMDL model: each table's columns (read from the source or calculated) and measures.</summary>
internal sealed class SemanticModelFields
{
    private SemanticModelFields(Dictionary<string, (HashSet<string> Columns, HashSet<string> Measures)> tables, bool discouragesImplicitMeasures)
    {
        Tables = tables;
        DiscouragesImplicitMeasures = discouragesImplicitMeasures;
    }

    public IReadOnlyDictionary<string, (HashSet<string> Columns, HashSet<string> Measures)> Tables { get; }

    /// <summary>The model sets discourageImplicitMeasures: a visual must use a measure, not a column summed on the fly.</summary>
    public bool DiscouragesImplicitMeasures { get; }

    public static SemanticModelFields Of(TmdlNode root) => new(
        root.All("table").ToDictionary(
            t => t.Name,
            t => (t.All("column").Select(c => c.Name).ToHashSet(StringComparer.Ordinal), t.All("measure").Select(m => m.Name).ToHashSet(StringComparer.Ordinal)),
            StringComparer.Ordinal),
        root.All("model").Any(m => m.Flags.Contains("discourageImplicitMeasures")));
}
