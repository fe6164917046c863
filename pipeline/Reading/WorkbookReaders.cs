using SharedServicesPipeline.Pipeline.Reading.Legacy;
using SharedServicesPipeline.Pipeline.Reading.OpenXml;

namespace SharedServicesPipeline.Pipeline.Reading;

/// <summary>
/// Which reader reads which format: .xlsx and .xlsm our own (<see cref="OpenXmlWorkbookReader"/>, for its speed and
/// memory on big submissions), .xls and .csv ExcelDataReader. An .xls reaches ExcelDataReader as its Workbook stream
/// alone, checked by <see cref="LegacyWorkbook"/>; ExcelDataReader never parses the compound file around it.
/// </summary>
internal static class WorkbookReaders
{
    /// <param name="openXmlThroughExcelDataReader">Reads .xlsx with ExcelDataReader too: the tests' oracle and the benchmark's baseline.</param>
    /// <param name="csvSeparator">A CSV's separator when known (<see cref="CsvSeparator"/>).</param>
    public static IWorkbookReader Open(Stream content, SubmissionFormat format, ReadLimits limits, bool openXmlThroughExcelDataReader = false, char? csvSeparator = null) => format switch
    {
        SubmissionFormat.OpenXml when !openXmlThroughExcelDataReader => OpenXmlWorkbookReader.Open(content, limits),
        SubmissionFormat.LegacyExcel => ExcelDataReaderWorkbook.Open(LegacyWorkbook.Open(CompoundFile.Read(content), limits), format),
        _ => ExcelDataReaderWorkbook.Open(content, format, csvSeparator),
    };

    /// <summary>As <see cref="Open(Stream, SubmissionFormat, ReadLimits, bool)"/> with the default limits.</summary>
    public static IWorkbookReader Open(Stream content, SubmissionFormat format, bool openXmlThroughExcelDataReader = false) =>
        Open(content, format, ReadLimits.For(new IntakeOptions(), content.Length), openXmlThroughExcelDataReader);
}
