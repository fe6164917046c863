using System.Globalization;

namespace SharedServicesPipeline.Pipeline.Reference;

/// <summary>Reads the register's CSV layout (see Data/README.md).</summary>
internal static class AuthorityCsv
{
    public static IReadOnlyList<Authority> Read(TextReader reader)
    {
        using var csv = AuthorityRegister.CreateCsvReader(reader);
        csv.Read();
        csv.ReadHeader();
        var result = new List<Authority>();
        while (csv.Read())
        {
            var code = csv.GetField("code");
            if (string.IsNullOrWhiteSpace(code))
            {
                continue;
            }

            var type = ParseType(csv.GetField("authority_type"));
            result.Add(new Authority
            {
                Code = code.Trim(),
                Name = csv.GetField("name") ?? code,
                ShortName = Blank(csv.GetField("short_name")),
                Type = type,
                Tier = ParseTier(csv.GetField("tier_level"), type),
                Sector = type == AuthorityType.CombinedAuthority ? Sector.CombinedAuthority : Sector.Council,
                ParentCode = Blank(csv.GetField("parent_code")),
                Region = Blank(csv.GetField("region")),
                Nation = Blank(csv.GetField("nation")),
                ValidFrom = ParseDate(csv.GetField("valid_from")),
                ValidTo = ParseDate(csv.GetField("valid_to")),
                SuccessorCodes = (csv.GetField("successor_codes") ?? "")
                    .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                Latitude = ParseDouble(csv.GetField("latitude")),
                Longitude = ParseDouble(csv.GetField("longitude")),
            });
        }

        return result;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static DateOnly? ParseDate(string? value) =>
        DateOnly.TryParseExact(value?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static double? ParseDouble(string? value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null;

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
