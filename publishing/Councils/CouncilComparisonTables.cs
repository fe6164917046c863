using System.Globalization;

namespace SharedServicesPipeline.Publishing.Councils;

/// <summary>The names of the council comparison's tables (in the mart and the extracts), and how an example reads in them.</summary>
public static class CouncilComparisonTables
{
    public const string Neighbours = "council_neighbour";
    public const string Peers = "council_peer";
    public const string Opportunities = "council_opportunity";

    /// <summary>The three tables' names.</summary>
    public static IReadOnlySet<string> Names { get; } = new HashSet<string>([Neighbours, Peers, Opportunities], StringComparer.Ordinal);

    /// <summary>"Shared waste service (Babergh, Mid Suffolk; £250,000 a year)": an example as a person reads it.</summary>
    public static string Example(Publishing.CatalogueArrangement arrangement)
    {
        var partners = string.Join(", ", arrangement.Partners.Select(p => p.Name));
        var savings = arrangement.AnnualSavingsGbp is { } s ? string.Create(CultureInfo.InvariantCulture, $"£{s:#,0} a year") : "savings not reported";
        return $"{arrangement.Title} ({partners}; {savings})";
    }
}
