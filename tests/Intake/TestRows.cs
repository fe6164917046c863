using SharedServicesPipeline.Pipeline;
using SharedServicesPipeline.Pipeline.Reading;

namespace SharedServicesPipeline.Tests.Intake;

/// <summary>Submission rows for validator tests, read through the real reader from a CSV made in code.</summary>
internal static class TestRows
{
    public static SheetLayout Layout(params string[] headers) => Read(headers, []).Sheets[0];

    public static SubmissionRow Row(SheetLayout layout, int rowNumber, params string?[] cells)
    {
        var rows = Enumerable.Range(2, rowNumber - 2).Select(_ => new string?[] { "filler", "filler", "filler" }).Append(cells).ToArray();
        return Read([.. layout.Headers], rows).Rows.Single(r => r.RowNumber == rowNumber);
    }

    private static SubmissionReadResult Read(string[] headers, string?[][] rows)
    {
        // A layout needs a data row to be read; a header-only file is a file error.
        var bytes = Support.CsvBuilder.Build(Support.CsvBuilder.Encoding.Utf8, [headers, .. rows.Length == 0 ? [["x", "x", "x"]] : rows]);
        var result = new SubmissionReader(new IntakeOptions(), HeaderSynonyms.BuiltIn).Read(new MemoryStream(bytes), "rows.csv");
        return result.HasFileError ? throw new InvalidOperationException(string.Join("; ", result.Problems)) : result;
    }
}
