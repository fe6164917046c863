using SharedServicesPipeline.Pipeline;
using SharedServicesPipeline.Pipeline.Reading;
using SharedServicesPipeline.Pipeline.Submissions;

namespace SharedServicesPipeline.Tests.Support;

/// <summary>
/// One file through <see cref="SubmissionReader"/> twice: .xlsx read by ExcelDataReader (the oracle) and by our
/// reader. Says where the outcomes differ: the problems (codes, messages, places), the sheets and header rows found,
/// and every row handed over (its number and cells).
/// </summary>
internal sealed record ReaderComparison(SubmissionReadResult Oracle, List<SubmissionRow> OracleRows, SubmissionReadResult Ours, List<SubmissionRow> OurRows)
{
    public static ReaderComparison Of(byte[] bytes, string fileName, IntakeOptions? options = null)
    {
        List<SubmissionRow> oracleRows = [], ourRows = [];
        var oracle = Reader(options, excelDataReader: true).Read(new MemoryStream(bytes, writable: false), fileName, oracleRows.Add);
        var ours = Reader(options, excelDataReader: false).Read(new MemoryStream(bytes, writable: false), fileName, ourRows.Add);
        return new ReaderComparison(oracle, oracleRows, ours, ourRows);
    }

    public string? OracleCode => Oracle.Problems.FirstOrDefault(p => p.Severity == ProblemSeverity.FileError)?.Code;

    public string? OurCode => Ours.Problems.FirstOrDefault(p => p.Severity == ProblemSeverity.FileError)?.Code;

    /// <summary>The first difference, or null. After a file error only the problems count (the rows are then discarded).</summary>
    public string? Difference(Func<object?, object?, bool>? sameValue = null)
    {
        sameValue ??= Equals;
        // A damaged file is called so by both; the exception quoted in the message is each reader's own.
        static SubmissionProblem Comparable(SubmissionProblem p) => p.Code == "file.unreadable" ? p with { Message = "" } : p;
        if (!Oracle.Problems.Select(Comparable).SequenceEqual(Ours.Problems.Select(Comparable)))
        {
            return $"problems: [{string.Join("; ", Oracle.Problems)}] against [{string.Join("; ", Ours.Problems)}]";
        }

        if (Oracle.HasFileError)
        {
            return null;
        }

        if (Oracle.RowsRead != Ours.RowsRead || OracleRows.Count != OurRows.Count)
        {
            return $"{Oracle.RowsRead} rows read against {Ours.RowsRead}";
        }

        var sheets = Oracle.Sheets.Zip(Ours.Sheets).FirstOrDefault(p => (p.First.Sheet, p.First.HeaderRowNumber) != (p.Second.Sheet, p.Second.HeaderRowNumber) || !p.First.Headers.SequenceEqual(p.Second.Headers));
        if (Oracle.Sheets.Count != Ours.Sheets.Count || sheets.First is not null)
        {
            return $"sheets: [{string.Join(", ", Oracle.Sheets.Select(s => $"{s.Sheet}@{s.HeaderRowNumber}"))}] against [{string.Join(", ", Ours.Sheets.Select(s => $"{s.Sheet}@{s.HeaderRowNumber}"))}]";
        }

        for (var i = 0; i < OracleRows.Count; i++)
        {
            var (a, b) = (OracleRows[i], OurRows[i]);
            if ((a.Sheet, a.RowNumber) != (b.Sheet, b.RowNumber) || a.Cells.Count != b.Cells.Count || !a.Cells.Zip(b.Cells).All(p => sameValue(p.First, p.Second)))
            {
                return $"row {i}: {a.Sheet}!{a.RowNumber} [{string.Join(" | ", a.Cells)}] against {b.Sheet}!{b.RowNumber} [{string.Join(" | ", b.Cells)}]";
            }
        }

        return null;
    }

    private static SubmissionReader Reader(IntakeOptions? options, bool excelDataReader) =>
        new(options ?? new IntakeOptions(), HeaderSynonyms.BuiltIn) { OpenXmlThroughExcelDataReader = excelDataReader };
}
