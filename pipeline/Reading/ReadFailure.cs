using System.Text;
using ExcelDataReader;
using ExcelDataReader.Exceptions;
using SharedServicesPipeline.Pipeline.Submissions;

namespace SharedServicesPipeline.Pipeline.Reading;

/// <summary>
/// The exception policy of a read: which exceptions mean a damaged file (the submitter's to fix) and the problem that
/// says so. Everything else propagates: a bug of ours is a fault.
/// </summary>
internal static class ReadFailure
{
    // What a damaged file makes a parser throw. A NullReferenceException or IndexOutOfRangeException is the file's only
    // when ExcelDataReader threw it (it indexes records as they say); from our own code it is a bug: a fault, not the
    // submitter's problem, so it is not caught here.
    internal static bool IsDamage(Exception ex) => ex switch
    {
        ExcelReaderException or InvalidDataException or IOException or FormatException or ArgumentException or InvalidOperationException
            or NotSupportedException or OverflowException or System.Xml.XmlException or DecoderFallbackException or EndOfStreamException => true,
        NullReferenceException or IndexOutOfRangeException => ExceptionOrigin.IsFrom(ex, typeof(IExcelDataReader).Assembly),
        _ => false,
    };

    internal static SubmissionProblem Unreadable(Exception ex, string fileName, SubmissionFormat format) => ex switch
    {
        InvalidPasswordException => SubmissionFileCheck.PasswordProtected(fileName),
        HeaderException when format == SubmissionFormat.LegacyExcel => new SubmissionProblem(
            ProblemSeverity.FileError,
            "file.not-a-spreadsheet",
            $"{fileName} is an Office file but not an Excel workbook ({ex.Message}). Save the arrangements from Excel as .xlsx and resubmit."),
        _ => new SubmissionProblem(
            ProblemSeverity.FileError,
            "file.unreadable",
            $"{fileName} could not be read as a spreadsheet: it is damaged or not what its format says ({ex.GetType().Name}: {ex.Message}). Open it in Excel, save it as .xlsx and resubmit."),
    };
}
