using System.Globalization;
using System.Reflection;
using CsvHelper;

namespace SharedServicesPipeline.Pipeline.Reference;

/// <summary>Service areas and their category (Management, Back office, Front office, Other), with synonyms (Data/service_areas.csv).</summary>
public sealed class ServiceAreaTaxonomy
{
    public const string Management = "Management";
    public const string BackOffice = "Back office";
    public const string FrontOffice = "Front office";
    public const string OtherCategory = "Other";

    private readonly Dictionary<string, ServiceArea> _byKey = new(StringComparer.Ordinal);

    private ServiceAreaTaxonomy(IEnumerable<(ServiceArea Area, IEnumerable<string> Synonyms)> rows)
    {
        var areas = new List<ServiceArea>();
        foreach (var (area, synonyms) in rows)
        {
            areas.Add(area);
            foreach (var name in synonyms.Prepend(area.Name))
            {
                _byKey.TryAdd(TextKey.Of(name.Replace("&", "and", StringComparison.Ordinal)), area);
            }
        }

        Areas = areas;
    }

    public static ServiceAreaTaxonomy BuiltIn { get; } = Load();

    public IReadOnlyList<ServiceArea> Areas { get; }

    public static IReadOnlyList<string> Categories { get; } = [Management, BackOffice, FrontOffice, OtherCategory];

    /// <summary>The canonical service area for submitted text, or null when it is not recognised.</summary>
    public ServiceArea? Resolve(string? text) => Resolve(text, out _);

    /// <summary>
    /// The canonical service area for submitted text. A cell naming several ("ICT, HR and Finance") gives the umbrella
    /// area of their category when they share one ("Back office"), else the first named; <paramref name="several"/> then
    /// lists them (distinct, in the order written) so the submitter can be told. Null when any part is not recognised.
    /// </summary>
    public ServiceArea? Resolve(string? text, out IReadOnlyList<ServiceArea>? several)
    {
        several = null;
        if (ResolveOne(text) is { } area)
        {
            return area;
        }

        if (string.IsNullOrWhiteSpace(text) || text.IndexOfAny(PartSeparators) < 0 && !text.Contains(" and ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var parts = new List<ServiceArea>();
        foreach (var part in text.Replace(" and ", ",", StringComparison.OrdinalIgnoreCase).Split(PartSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (ResolveOne(part) is not { } named)
            {
                return null;
            }

            if (!parts.Contains(named))
            {
                parts.Add(named);
            }
        }

        if (parts.Count == 0)
        {
            return null;
        }

        if (parts.Count == 1)
        {
            return parts[0]; // "Fostering and adoption": two names for one area
        }

        several = parts;
        var category = parts[0].Category;
        return parts.TrueForAll(p => p.Category == category) && ResolveOne(category) is { } umbrella && umbrella.Category == category ? umbrella : parts[0];
    }

    private static readonly char[] PartSeparators = [',', ';', '/', '&', '+', '\n'];

    private ServiceArea? ResolveOne(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var key = TextKey.Of(text.Replace("&", "and", StringComparison.Ordinal));
        if (_byKey.TryGetValue(key, out var area))
        {
            return area;
        }

        // "Shared legal services", "Joint ICT service": drop the words that only say it is shared.
        var trimmed = key;
        foreach (var word in new[] { "shared", "joint", "services", "service", "partnership", "the" })
        {
            trimmed = trimmed.Replace(word, "", StringComparison.Ordinal);
        }

        return trimmed.Length > 1 && _byKey.TryGetValue(trimmed, out area) ? area : null;
    }

    /// <summary>The category for a submitted arrangement type ("Back office", "Front-office", "Shared management").</summary>
    public static string? CategoryOfType(string? text) => TextKey.Of(text) switch
    {
        "" => null,
        "sharedmanagement" or "management" or "sharedmanagementteam" or "sharedchiefexecutive" => Management,
        "backoffice" or "backofficeservices" or "support" or "supportservices" => BackOffice,
        "frontoffice" or "frontline" or "frontofficeservices" or "frontlineservices" => FrontOffice,
        "other" => OtherCategory,
        _ => null,
    };

    private static ServiceAreaTaxonomy Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("SharedServicesPipeline.Reference.service_areas.csv")
            ?? throw new InvalidOperationException("Embedded service_areas.csv is missing from the build.");
        using var reader = new StreamReader(stream);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var rows = new List<(ServiceArea, IEnumerable<string>)>();
        while (csv.Read())
        {
            var name = csv.GetField("service_area")!;
            var category = csv.GetField("category")!;
            var synonyms = (csv.GetField("synonyms") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            rows.Add((new ServiceArea(name, category), synonyms));
        }

        return new ServiceAreaTaxonomy(rows);
    }
}
