using System.Collections.Concurrent;

namespace SharedServicesPipeline.Pipeline.Reference;

/// <summary>Recognises non-council public bodies: the curated ones by name or alias, others by the words that name them
/// ("… Police", "… Constabulary", "… Fire and Rescue …", "NHS …", "… Clinical Commissioning Group", "… National Park Authority",
/// "… Probation Trust", "… Local Enterprise Partnership"). A force, service or park is keyed by its place, so "Essex Constabulary"
/// is the curated Essex Police; one not curated gets a stable slug code such as "police:borsetshire". Health bodies, probation
/// trusts and enterprise partnerships are keyed by their whole name.</summary>
internal sealed class BodyRecogniser(PublicBodyCatalogue catalogue)
{
    private enum Kind
    {
        Police,
        Commissioner,
        Fire,
        Health,
        NationalPark,
        Other,
    }

    private static readonly (string Words, Kind Kind)[] SuffixRules = Longest(
    [
        ("police", Kind.Police), ("constabulary", Kind.Police), ("police service", Kind.Police), ("police force", Kind.Police),
        ("police authority", Kind.Police), ("police department", Kind.Police),
        ("police and crime commissioner", Kind.Commissioner), ("police fire and crime commissioner", Kind.Commissioner),
        ("police and crime panel", Kind.Commissioner), ("pcc", Kind.Commissioner), ("opcc", Kind.Commissioner), ("pfcc", Kind.Commissioner),
        ("fire and rescue service", Kind.Fire), ("fire and rescue services", Kind.Fire), ("fire and rescue authority", Kind.Fire),
        ("fire and rescue", Kind.Fire), ("fire authority", Kind.Fire), ("fire service", Kind.Fire), ("fire brigade", Kind.Fire),
        ("fire and emergency planning authority", Kind.Fire), ("fire and civil defence authority", Kind.Fire), ("fire", Kind.Fire),
        ("national park authority", Kind.NationalPark), ("national park", Kind.NationalPark),
        ("nhs trust", Kind.Health), ("nhs foundation trust", Kind.Health), ("foundation trust", Kind.Health),
        ("clinical commissioning group", Kind.Health), ("integrated care board", Kind.Health), ("integrated care system", Kind.Health),
        ("primary care trust", Kind.Health), ("health board", Kind.Health), ("health and social care trust", Kind.Health),
        ("ambulance service", Kind.Health), ("ambulance trust", Kind.Health), ("care trust", Kind.Health),
        ("health authority", Kind.Health), ("hospital trust", Kind.Health), ("hospitals trust", Kind.Health),
        ("healthcare trust", Kind.Health), ("nhs", Kind.Health), ("health and social care partnership", Kind.Health),
        ("probation trust", Kind.Other), ("probation area", Kind.Other), ("local enterprise partnership", Kind.Other),
    ]);

    private static readonly (string Words, Kind Kind)[] PrefixRules = Longest(
    [
        ("police service of", Kind.Police),
        ("office of police and crime commissioner for", Kind.Commissioner),
        ("office of police fire and crime commissioner for", Kind.Commissioner),
        ("police and crime commissioner for", Kind.Commissioner),
        ("police fire and crime commissioner for", Kind.Commissioner),
        ("opcc for", Kind.Commissioner),
        ("pcc for", Kind.Commissioner),
        ("nhs", Kind.Health),
    ]);

    private static readonly (string Words, Kind Kind)[] ContainsRules =
    [
        ("police and crime commissioner", Kind.Commissioner),
        ("police fire and crime commissioner", Kind.Commissioner),
        ("fire and rescue", Kind.Fire),
        ("national park", Kind.NationalPark),
        ("nhs", Kind.Health),
        ("clinical commissioning group", Kind.Health),
        ("integrated care board", Kind.Health),
        ("primary care trust", Kind.Health),
        ("health and social care trust", Kind.Health),
        ("constabulary", Kind.Police),
    ];

    // The rules' words as they are searched for, with their spaces, built once (not on every call).
    private static readonly string[] SuffixPatterns = [.. SuffixRules.Select(r => $" {r.Words}")];
    private static readonly string[] PrefixPatterns = [.. PrefixRules.Select(r => $"{r.Words} ")];
    private static readonly string[] ContainsPatterns = [.. ContainsRules.Select(r => $" {r.Words} ")];

    private static readonly string[] EdgeWords = ["of", "for", "and", "office", "in"];

    // A name with these words names a council too ("Essex CC and Essex Police"): it is a list, not one body.
    private static readonly HashSet<string> CouncilWords = new(StringComparer.Ordinal)
    {
        "council", "councils", "cc", "dc", "bc", "mbc", "rbc", "lbc", "cbc", "ua", "cyngor",
    };

    private readonly Dictionary<string, FuzzyIndex<Authority>> _placesByPrefix = new[] { "police", "pcc", "fire", "national-park" }
        .ToDictionary(prefix => prefix, prefix => new FuzzyIndex<Authority>(catalogue.Places(prefix)), StringComparer.Ordinal);

    private readonly ConcurrentDictionary<string, Authority> _made = new(StringComparer.Ordinal);

    /// <summary>The body that <paramref name="canonical"/> names, or null when it names no recognisable public body.</summary>
    public Authority? Recognise(string canonical, string raw)
    {
        if (canonical.Length == 0)
        {
            return null;
        }

        if (catalogue.FindByName(canonical) is { } curated)
        {
            return curated;
        }

        for (var i = 0; i < SuffixRules.Length; i++)
        {
            var (words, kind) = SuffixRules[i];
            if (canonical == words || canonical.EndsWith(SuffixPatterns[i], StringComparison.Ordinal))
            {
                return Build(kind, canonical[..^words.Length], canonical, raw);
            }
        }

        for (var i = 0; i < PrefixRules.Length; i++)
        {
            var (words, kind) = PrefixRules[i];
            if (canonical.StartsWith(PrefixPatterns[i], StringComparison.Ordinal))
            {
                return Build(kind, canonical[words.Length..], canonical, raw);
            }
        }

        var padded = $" {canonical} ";
        for (var i = 0; i < ContainsRules.Length; i++)
        {
            var (words, kind) = ContainsRules[i];
            var at = padded.IndexOf(ContainsPatterns[i], StringComparison.Ordinal);
            if (at >= 0)
            {
                return Build(kind, at > 0 ? canonical[..(at - 1)] : canonical[words.Length..], canonical, raw);
            }
        }

        return null;
    }

    private Authority? Build(Kind kind, string placeText, string canonical, string raw)
    {
        if (canonical.Split(' ').Any(CouncilWords.Contains))
        {
            return null;
        }

        var place = TrimEdgeWords(placeText);
        if (kind is Kind.Health or Kind.Other)
        {
            var wholeSector = kind == Kind.Health ? Sector.Health : Sector.Other;
            return Make($"{BodyTypes.CodePrefix(wholeSector)}:{Slug(canonical)}", raw, null, wholeSector);
        }

        if (place.Length == 0)
        {
            return null; // "Police" alone names no body
        }

        var prefix = kind switch
        {
            Kind.Police => "police",
            Kind.Commissioner => "pcc",
            Kind.Fire => "fire",
            _ => "national-park",
        };
        if (catalogue.FindByPlace(prefix, place) is { } known)
        {
            return known;
        }

        if (_placesByPrefix[prefix].Pick(place) is { } typo)
        {
            return typo.Value;
        }

        var sector = kind switch
        {
            Kind.Police or Kind.Commissioner => Sector.Police,
            Kind.Fire => Sector.Fire,
            _ => Sector.NationalPark,
        };
        return Make($"{prefix}:{Slug(place)}", raw, place, sector);
    }

    private Authority Make(string code, string raw, string? place, Sector sector) =>
        _made.GetOrAdd(code, _ => new Authority
        {
            Code = code,
            Name = raw.Trim(),
            ShortName = place,
            Type = BodyTypes.Of(sector),
            Tier = TierLevel.Other,
            Sector = sector,
        });

    private static string TrimEdgeWords(string text)
    {
        var tokens = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        while (tokens.Count > 0 && EdgeWords.Contains(tokens[0]))
        {
            tokens.RemoveAt(0);
        }

        while (tokens.Count > 0 && EdgeWords.Contains(tokens[^1]))
        {
            tokens.RemoveAt(tokens.Count - 1);
        }

        return string.Join(' ', tokens);
    }

    private static string Slug(string canonical) => canonical.Replace(' ', '-');

    private static (string, Kind)[] Longest((string Words, Kind Kind)[] rules) => [.. rules.OrderByDescending(r => r.Words.Length)];
}
