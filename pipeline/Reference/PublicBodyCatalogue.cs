namespace SharedServicesPipeline.Pipeline.Reference;

/// <summary>The curated non-council public bodies of public_bodies.csv (code, name, short_name, sector, nation, valid_from, valid_to,
/// aliases), looked up by canonical name or alias, or by the place a force or service is named for.</summary>
internal sealed class PublicBodyCatalogue
{
    private readonly Dictionary<string, Authority> _byCode = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Authority> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Prefix, string Place), Authority> _byPlace = [];

    public PublicBodyCatalogue(IEnumerable<(Authority Body, IReadOnlyList<string> Aliases)> bodies)
    {
        foreach (var (body, aliases) in bodies)
        {
            _byCode[body.Code] = body;
            foreach (var name in aliases.Prepend(body.Name))
            {
                _byName.TryAdd(NameCanonicaliser.Canonical(name), body);
            }

            if (body.ShortName is { } place)
            {
                _byPlace.TryAdd((CodePrefix(body.Code), NameCanonicaliser.Canonical(place)), body);
            }
        }

        Bodies = [.. _byCode.Values];
    }

    public IReadOnlyList<Authority> Bodies { get; }

    public static PublicBodyCatalogue BuiltIn => LazyBuiltIn.Value;

    private static readonly Lazy<PublicBodyCatalogue> LazyBuiltIn = new(() =>
    {
        using var reader = AuthorityRegister.OpenEmbedded("public_bodies.csv");
        return new PublicBodyCatalogue(Read(reader));
    });

    public Authority? Find(string code) => _byCode.GetValueOrDefault(code);

    public Authority? FindByName(string canonical) => _byName.GetValueOrDefault(canonical);

    public Authority? FindByPlace(string prefix, string canonicalPlace) => _byPlace.GetValueOrDefault((prefix, canonicalPlace));

    /// <summary>The places of the curated bodies whose codes start with <paramref name="prefix"/>, for typo-tolerant lookup.</summary>
    public IEnumerable<(string Place, Authority Body)> Places(string prefix) =>
        _byPlace.Where(p => p.Key.Prefix == prefix).Select(p => (p.Key.Place, p.Value));

    public static string CodePrefix(string code) => code.Split(':')[0];

    private static IEnumerable<(Authority, IReadOnlyList<string>)> Read(TextReader reader)
    {
        foreach (var row in CsvRows.Read(reader))
        {
            var code = row.Field("code");
            if (code.Length == 0)
            {
                continue;
            }

            var sector = row.Field("sector").ToLowerInvariant() switch
            {
                "police" => Sector.Police,
                "fire" => Sector.Fire,
                "health" => Sector.Health,
                "national_park" => Sector.NationalPark,
                _ => Sector.Other,
            };
            var body = new Authority
            {
                Code = code,
                Name = row.Field("name") is { Length: > 0 } name ? name : code,
                ShortName = row.Field("short_name") is { Length: > 0 } shortName ? shortName : null,
                Type = BodyTypes.Of(sector),
                Tier = TierLevel.Other,
                Sector = sector,
                Nation = row.Field("nation") is { Length: > 0 } nation ? nation : null,
                ValidFrom = AuthorityCsv.ParseDate(row.Field("valid_from")),
                ValidTo = AuthorityCsv.ParseDate(row.Field("valid_to")),
            };
            yield return (body, row.Field("aliases").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }
    }
}
