using SharedServicesPipeline.Pipeline.Reference;

namespace SharedServicesPipeline.Tests.Reference;

/// <summary>One row of TestData/names/messy_names.csv: a partner name as a council spreadsheet might write it, and what it should resolve to.</summary>
internal sealed record MessyName(string Input, DateOnly? AsOf, MatchStatus ExpectedStatus, IReadOnlyList<string> ExpectedCodes, string Note)
{
    public static IReadOnlyList<MessyName> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TestData", "names", "messy_names.csv");
        using var reader = new StreamReader(path);
        return [.. CsvRows.Read(reader).Select(row => new MessyName(
            row.Field("input"),
            AuthorityCsv.ParseDate(row.Field("as_of")),
            Enum.Parse<MatchStatus>(row.Field("expected_status"), ignoreCase: true),
            row.Field("expected_codes").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            row.Field("note")))];
    }

    public override string ToString() => AsOf is { } date ? $"{Input} @ {date:yyyy-MM-dd}" : Input;
}
