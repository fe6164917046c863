using Xunit;
using SharedServicesPipeline.Pipeline.Reference;

namespace SharedServicesPipeline.Tests.Reference;

/// <summary>One row of the public register (mySociety, CC BY 4.0), normalised for comparison with ours.</summary>
internal sealed record PublicRegisterRow(
    string LocalCode,
    string? GssCode,
    string OfficialName,
    string NiceName,
    AuthorityType Type,
    string Nation,
    string Region,
    DateOnly? StartDate,
    DateOnly? LastDay,
    IReadOnlyList<string>? SuccessorGssCodes,
    double? Latitude,
    double? Longitude)
{
    /// <summary>The point to compare ours with: the row's own, or for a county the mean of its districts' points (rule 5).</summary>
    public (double Lat, double Lon)? ComparisonPoint { get; init; }
}

/// <summary>
/// Loads the public register and normalises its known quirks. Each rule below is a convention of that file, not a fact
/// about the councils, so applying it hides no real difference:
/// <list type="number">
/// <item>End dates: rows for 2015, 2019 and 2020 give the council's last day (31 March); rows for 2021 and 2023 give the
/// successor's first day (1 April). An end date on 1 April is read as 31 March, our convention (valid_to = last day).</item>
/// <item>Start dates: blank means unknown and is not compared. Dates in 2005 (27 May to 28 June 2005) are data-entry
/// artefacts of the file, not foundings: no UK principal council was created in 2005, so they are not compared either.</item>
/// <item>Northern Ireland's 26 councils before April 2015 have no GSS code there (GSS codes were never issued to them);
/// ours carry their legacy ONS codes (95A–95Z) and are matched by name among NI councils that ended on 31 March 2015.</item>
/// <item>`replaced-by` and `county-la` use the file's own three-letter codes; they are mapped to GSS codes through the
/// same file before comparison.</item>
/// <item>The file gives no successors (`replaced-by` blank) for Northern Ireland's pre-2015 councils, although every one of
/// them passed to one of the 11 councils of April 2015: for those rows a blank `replaced-by` means "not recorded" and is not compared.</item>
/// <item>Points of county councils are unreliable there: many lie outside the county (Devon's in the Bristol Channel,
/// Lancashire's in Northamptonshire, Kent's in east London, Suffolk's in Cambridgeshire). A county is compared with the
/// mean of the points that file gives its own districts (linked by `county-la`); a county without districts there keeps its point.</item>
/// <item>A few values there are wrong or out of date; each is listed with its reason in <see cref="PublicRegisterErrata"/>,
/// pinned to the value the file gives, so a corrected file makes the erratum fail rather than hide a difference.</item>
/// </list>
/// </summary>
internal static class PublicRegister
{
    public static IReadOnlyList<PublicRegisterRow> Load(string path)
    {
        using var reader = new StreamReader(path);
        var rows = CsvRows.Read(reader);
        var gssByLocal = rows
            .Where(r => r.Field("gss_code").Length > 0)
            .ToDictionary(r => r.Field("local_authority_code"), r => r.Field("gss_code"), StringComparer.OrdinalIgnoreCase);

        var districtPoints = rows
            .Where(r => r.Field("county_la").Length > 0)
            .Select(r => (County: r.Field("county_la"), Lat: ParseCoordinate(r.Field("lat")), Lon: ParseCoordinate(r.Field("long"))))
            .Where(p => p.Lat is not null && p.Lon is not null)
            .GroupBy(p => p.County, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => (g.Average(p => p.Lat!.Value), g.Average(p => p.Lon!.Value)), StringComparer.OrdinalIgnoreCase);

        return [.. rows.Select(r => new PublicRegisterRow(
            LocalCode: r.Field("local_authority_code"),
            GssCode: r.Field("gss_code") is { Length: > 0 } gss ? gss : null,
            OfficialName: r.Field("official_name"),
            NiceName: r.Field("nice_name"),
            Type: AuthorityCsv.ParseType(r.Field("local_authority_type")),
            Nation: r.Field("nation"),
            Region: r.Field("region"),
            StartDate: NormaliseStart(AuthorityCsv.ParseDate(r.Field("start_date"))),
            LastDay: AuthorityCsv.LastDayFromEndDate(AuthorityCsv.ParseDate(r.Field("end_date"))),
            SuccessorGssCodes: r.Field("gss_code").Length == 0 && r.Field("replaced_by").Length == 0 ? null : [.. r.Field("replaced_by")
                .Split([';', '|', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(code => gssByLocal.GetValueOrDefault(code) ?? $"(unmapped {code})")],
            Latitude: ParseCoordinate(r.Field("lat")),
            Longitude: ParseCoordinate(r.Field("long")))
        {
            ComparisonPoint = AuthorityCsv.ParseType(r.Field("local_authority_type")) == AuthorityType.County
                && districtPoints.TryGetValue(r.Field("local_authority_code"), out var mean)
                    ? mean
                    : ParseCoordinate(r.Field("lat")) is { } lat && ParseCoordinate(r.Field("long")) is { } lon ? (lat, lon) : null,
        })];
    }

    /// <summary>Blank and 2005 artefact dates become null: not compared.</summary>
    private static DateOnly? NormaliseStart(DateOnly? start) => start is { Year: 2005 } ? null : start;

    private static double? ParseCoordinate(string value) =>
        double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? number
            : null;
}
