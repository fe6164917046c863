namespace SharedServicesPipeline.Pipeline.Reading;

/// <summary>
/// A workbook read forward only, sheet by sheet and row by row: what <see cref="SubmissionReader"/> consumes. It has
/// the shape of ExcelDataReader's reader, so either an .xlsx reader of our own or ExcelDataReader (.xls, .csv) is behind it.
/// </summary>
internal interface IWorkbookReader : IDisposable
{
    /// <summary>How many sheets the workbook has (1 for a CSV).</summary>
    int SheetCount { get; }

    /// <summary>The current sheet's name.</summary>
    string Name { get; }

    /// <summary>"visible", "hidden" or "veryhidden" (lower case) for a workbook's sheet; null when the format has none.</summary>
    string? VisibleState { get; }

    /// <summary>The current sheet's merged ranges, known before its first row is read; null when the format has none.</summary>
    IReadOnlyList<MergedRange>? MergeCells { get; }

    /// <summary>
    /// How many columns <see cref="GetValue"/> can answer for: at least every cell of the current row. (ExcelDataReader
    /// gives the whole sheet's width, which it finds by reading the sheet twice; a one-pass reader knows the rows so far.)
    /// </summary>
    int FieldCount { get; }

    /// <summary>Moves to the next row of the current sheet; every row number is one row, blank rows included.</summary>
    bool Read();

    /// <summary>The current row's value in column <paramref name="i"/> (0-based): string, double, bool, DateTime, TimeSpan or null.</summary>
    object? GetValue(int i);

    /// <summary>Moves to the next sheet.</summary>
    bool NextResult();
}
