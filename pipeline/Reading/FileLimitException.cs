namespace SharedServicesPipeline.Pipeline.Reading;

/// <summary>
/// A submission went past a limit that keeps reading bounded (bytes inflated, shared strings, styles, nesting, a legacy
/// workbook's sheet size): it is refused as a whole with <see cref="Code"/>. Thrown from deep in a reader and turned
/// into a file error by <see cref="SubmissionReader"/>; the message follows the file's name ("… is … Save it again …").
/// </summary>
internal sealed class FileLimitException(string code, string message) : Exception(message)
{
    /// <summary>Beyond what a spreadsheet program writes (Excel's own limits, or far past them).</summary>
    public const string BeyondExcelLimits = "file.beyond-excel-limits";

    /// <summary>More shared text than a workbook of the file's size holds.</summary>
    public const string TooManyStrings = "file.too-many-strings";

    /// <summary>A row holding more text than <see cref="ReadLimits.MaxRowChars"/>: within Excel's limits, never a return.</summary>
    public const string RowTooLong = "file.row-too-long";

    public const string InflatesTooFar = "file.inflates-too-far";

    public const string XmlDoctype = "file.xml-doctype";

    public const string PasswordProtected = "file.password-protected";

    public const string Corrupt = "file.corrupt";

    public string Code { get; } = code;

    /// <summary>What to tell the submitter to do, for the end of each message.</summary>
    public const string SaveAgain = "It was not read further. Open it in Excel, save it again and resubmit, or send the arrangements as CSV.";

    /// <param name="row">The row's number in its sheet, as the submitter sees it.</param>
    public static FileLimitException RowHoldsTooMuch(int row) =>
        new(RowTooLong, string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"has a row, row {row:N0}, holding more than {ReadLimits.MaxRowChars:N0} characters of text: as much as {ReadLimits.MaxRowChars / 32_767:N0} cells each full to Excel's limit of 32,767, where a return's row holds a few thousand. It was not read further. Check that row for cells that repeat a long text or hold a pasted document, keep each cell to the arrangement's own details (a description of a few sentences, each partner named once) and resubmit."));

    public static FileLimitException Beyond(string what) =>
        new(BeyondExcelLimits, $"goes beyond what a spreadsheet program saves: {what}. {SaveAgain}");
}
