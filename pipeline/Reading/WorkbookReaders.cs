using SharedServicesPipeline.Pipeline.Reading.OpenXml;

namespace SharedServicesPipeline.Pipeline.Reading;

/// <summary>
/// Which reader reads which format: .xlsx and .xlsm our own (<see cref="OpenXmlWorkbookReader"/>, for its speed and
/// memory on big submissions), .xls and .csv ExcelDataReader.
/// </summary>
internal static class WorkbookReaders
{
    /// <param name="openXmlThroughExcelDataReader">Reads .xlsx with ExcelDataReader too: the tests' oracle and the benchmark's baseline.</param>
    public static IWorkbookReader Open(Stream content, SubmissionFormat format, bool openXmlThroughExcelDataReader = false) =>
        format == SubmissionFormat.OpenXml && !openXmlThroughExcelDataReader
            ? OpenXmlWorkbookReader.Open(content)
            : ExcelDataReaderWorkbook.Open(content, format);
}
