using SharedServicesPipeline.Pipeline.Reference;

namespace SharedServicesPipeline.Tests.Reference;

/// <summary>One row of a names file under TestData/names (messy_names.csv, blind_names_2.csv): a partner name as a council
/// spreadsheet might write it, and what it should resolve to. A body row may give only its sector (expected_sector) when its
/// code is one the matcher makes up from its words.</summary>
internal sealed record MessyName(string Input, DateOnly? AsOf, MatchStatus ExpectedStatus, IReadOnlyList<string> ExpectedCodes, Sector? ExpectedSector, string Note)
{
    public static IReadOnlyList<MessyName> Load() => Load("messy_names.csv");

    public static IReadOnlyList<MessyName> Load(string fileName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TestData", "names", fileName);
        using var reader = new StreamReader(path);
        return [.. CsvRows.Read(reader).Select(row => new MessyName(
            row.Field("input"),
            AuthorityCsv.ParseDate(row.Field("as_of")),
            Enum.Parse<MatchStatus>(row.Field("expected_status"), ignoreCase: true),
            row.Field("expected_codes").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            row.Field("expected_sector") is { Length: > 0 } sector ? Enum.Parse<Sector>(sector.Replace("_", "", StringComparison.Ordinal), ignoreCase: true) : null,
            row.Field("note")))];
    }

    public override string ToString() => AsOf is { } date ? $"{Input} @ {date:yyyy-MM-dd}" : Input;
}
