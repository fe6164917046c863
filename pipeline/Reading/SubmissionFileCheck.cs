using SharedServicesPipeline.Pipeline.Reading.Legacy;
using SharedServicesPipeline.Pipeline.Submissions;

namespace SharedServicesPipeline.Pipeline.Reading;

/// <summary>
/// What is checked before a file is parsed: its size, its format by content (not by name), and the format's own
/// guards (zip bomb, an Office file that is no workbook, CSV text), so a parser only ever sees a file it can read.
/// </summary>
internal static class SubmissionFileCheck
{
    internal static SubmissionProblem? Check(Stream content, string fileName, IntakeOptions options, out SubmissionFormat format)
    {
        format = SubmissionFormat.Unknown;
        if (content.Length == 0)
        {
            return new SubmissionProblem(ProblemSeverity.FileError, "file.empty", $"{fileName} is empty (0 bytes). Attach the completed template and resubmit.");
        }

        if (content.Length > options.MaxFileBytes)
        {
            return new SubmissionProblem(
                ProblemSeverity.FileError,
                "file.too-large",
                $"{fileName} is {content.Length / (1024.0 * 1024):0.0} MB; the limit is {options.MaxFileBytes / (1024.0 * 1024):0.#} MB. Split it into smaller files and resubmit.");
        }

        format = SubmissionFormatSniffer.Detect(content, out var otherFormat);
        return format switch
        {
            SubmissionFormat.Unknown => new SubmissionProblem(
                ProblemSeverity.FileError,
                "file.not-a-spreadsheet",
                $"{fileName} is {otherFormat ?? "not a spreadsheet"}, not a file we can read (we read .xlsx, .xlsm, .xls and .csv). Save it from Excel as .xlsx and resubmit."),
            SubmissionFormat.Encrypted => PasswordProtected(fileName),
            SubmissionFormat.OpenXml => ZipBombGuard.Check(content, fileName, options),
            SubmissionFormat.LegacyExcel when LegacyWorkbook.Classify(CompoundFile.Read(content)) == LegacyWorkbook.Kind.NotAWorkbook => new SubmissionProblem(
                ProblemSeverity.FileError,
                "file.not-a-spreadsheet",
                $"{fileName} is an Office file but not an Excel workbook (it has no Workbook stream: a Word document or another program's file). Save the arrangements from Excel as .xlsx and resubmit."),
            SubmissionFormat.Csv => CsvTextCheck.Check(content, fileName),
            _ => null,
        };
    }

    internal static SubmissionProblem PasswordProtected(string fileName) => new(
        ProblemSeverity.FileError,
        "file.password-protected",
        $"{fileName} is password-protected, so it cannot be opened. Remove the password (Excel: File > Info > Protect Workbook > Encrypt with Password, clear it), save and resubmit.");
}
