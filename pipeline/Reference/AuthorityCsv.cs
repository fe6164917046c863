using System.Globalization;

namespace SharedServicesPipeline.Pipeline.Reference;

/// <summary>Reads the register's CSV layout (see Data/README.md), or the public register's layout
/// (gss-code, official-name, nice-name, local-authority-type, start-date, end-date, replaced-by, nation, region, lat, long).</summary>
internal static class AuthorityCsv
{
    public static IReadOnlyList<Authority> Read(TextReader reader)
    {
        var rows = CsvRows.Read(reader);
        return rows.Count > 0 && rows[0].ContainsKey("gss_code") ? ReadPublicLayout(rows) : ReadOurLayout(rows);
    }

    private static List<Authority> ReadOurLayout(IReadOnlyList<IReadOnlyDictionary<string, string>> rows)
    {
        var result = new List<Authority>();
        foreach (var row in rows)
        {
            var code = row.Field("code");
            if (code.Length == 0)
            {
                continue;
            }

            var type = ParseType(row.Field("authority_type"));
            result.Add(new Authority
            {
                Code = code,
                Name = Blank(row.Field("name")) ?? code,
                ShortName = Blank(row.Field("short_name")),
                Type = type,
                Tier = ParseTier(row.Field("tier_level"), type),
                Sector = SectorOf(type),
                ParentCode = Blank(row.Field("parent_code")),
                Region = Blank(row.Field("region")),
                Nation = Blank(row.Field("nation")),
                ValidFrom = ParseDate(row.Field("valid_from")),
                ValidTo = ParseDate(row.Field("valid_to")),
                SuccessorCodes = SplitCodes(row.Field("successor_codes")),
                Latitude = ParseDouble(row.Field("latitude")),
                Longitude = ParseDouble(row.Field("longitude")),
            });
        }

        return result;
    }

    /// <summary>The public register names successors and counties by its own three-letter codes: they are mapped to GSS codes
    /// through the same file. Its rows without a GSS code (Northern Ireland before 2015) are skipped: they cannot be keyed.
    /// An end date on 1 April is read as the successor's first day, so the council's last day is the day before.</summary>
    private static List<Authority> ReadPublicLayout(IReadOnlyList<IReadOnlyDictionary<string, string>> rows)
    {
        var gssByLocalCode = rows
            .Where(r => r.Field("local_authority_code").Length > 0 && r.Field("gss_code").Length > 0)
            .GroupBy(r => r.Field("local_authority_code"), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().Field("gss_code"), StringComparer.OrdinalIgnoreCase);
        string MapCode(string code) => gssByLocalCode.GetValueOrDefault(code) ?? code;

        var result = new List<Authority>();
        foreach (var row in rows)
        {
            var code = row.Field("gss_code");
            if (code.Length == 0)
            {
                continue;
            }

            var type = ParseType(row.Field("local_authority_type"));
            var parent = Blank(row.Field("county_la"));
            result.Add(new Authority
            {
                Code = code,
                Name = Blank(row.Field("official_name")) ?? code,
                ShortName = Blank(row.Field("nice_name")),
                Type = type,
                Tier = ParseTier("", type),
                Sector = SectorOf(type),
                ParentCode = parent is null ? null : MapCode(parent),
                Region = Blank(row.Field("region")),
                Nation = Blank(row.Field("nation")),
                ValidFrom = ParseDate(row.Field("start_date")),
                ValidTo = LastDayFromEndDate(ParseDate(row.Field("end_date"))),
                SuccessorCodes = [.. SplitCodes(row.Field("replaced_by")).Select(MapCode)],
                Latitude = ParseDouble(row.Field("lat")),
                Longitude = ParseDouble(row.Field("long")),
            });
        }

        return result;
    }

    /// <summary>Councils end on 31 March; a date of 1 April is the successor's first day.</summary>
    internal static DateOnly? LastDayFromEndDate(DateOnly? endDate) =>
        endDate is { Month: 4, Day: 1 } date ? date.AddDays(-1) : endDate;

    private static string[] SplitCodes(string value) =>
        value.Split([';', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    internal static DateOnly? ParseDate(string? value) =>
        DateOnly.TryParseExact(value?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static double? ParseDouble(string? value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null;

    private static Sector SectorOf(AuthorityType type) => type switch
    {
        AuthorityType.CombinedAuthority or AuthorityType.StrategicAuthority => Sector.CombinedAuthority,
        AuthorityType.PoliceBody => Sector.Police,
        AuthorityType.FireBody => Sector.Fire,
        AuthorityType.HealthBody => Sector.Health,
        AuthorityType.NationalPark => Sector.NationalPark,
        AuthorityType.OtherBody => Sector.Other,
        _ => Sector.Council,
    };

    internal static AuthorityType ParseType(string? value) => (value ?? "").Trim().ToLowerInvariant() switch
    {
        "county" or "cty" => AuthorityType.County,
        "district" or "nmd" => AuthorityType.District,
        "unitary" or "ua" => AuthorityType.Unitary,
        "metropolitan_district" or "md" => AuthorityType.MetropolitanDistrict,
        "london_borough" or "lbo" => AuthorityType.LondonBorough,
        "city_corporation" or "cc" => AuthorityType.CityCorporation,
        "combined_authority" or "comb" => AuthorityType.CombinedAuthority,
        "strategic_authority" or "sra" => AuthorityType.StrategicAuthority,
        "scottish_council" or "sco" => AuthorityType.ScottishCouncil,
        "welsh_council" or "wpa" => AuthorityType.WelshCouncil,
        "ni_district" or "nid" => AuthorityType.NorthernIrelandDistrict,
        var other => throw new FormatException($"Unknown authority type '{other}' in the register."),
    };

    private static TierLevel ParseTier(string? value, AuthorityType type) => (value ?? "").Trim().ToLowerInvariant() switch
    {
        "upper" => TierLevel.Upper,
        "lower" => TierLevel.Lower,
        "single" => TierLevel.Single,
        "other" => TierLevel.Other,
        _ => type switch
        {
            AuthorityType.County => TierLevel.Upper,
            AuthorityType.District => TierLevel.Lower,
            AuthorityType.CombinedAuthority or AuthorityType.StrategicAuthority => TierLevel.Other,
            _ => TierLevel.Single,
        },
    };
}
