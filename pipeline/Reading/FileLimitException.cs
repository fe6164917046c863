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

    public const string InflatesTooFar = "file.inflates-too-far";

    public const string XmlDoctype = "file.xml-doctype";

    public const string PasswordProtected = "file.password-protected";

    public const string Corrupt = "file.corrupt";

    public string Code { get; } = code;

    /// <summary>What to tell the submitter to do, for the end of each message.</summary>
    public const string SaveAgain = "It was not read further. Open it in Excel, save it again and resubmit, or send the arrangements as CSV.";

    public static FileLimitException Beyond(string what) =>
        new(BeyondExcelLimits, $"goes beyond what a spreadsheet program saves: {what}. {SaveAgain}");
}
