namespace SharedServicesPipeline.Pipeline.Reading;

public enum SubmissionFormat
{
    Unknown,
    /// <summary>Office Open XML workbook (.xlsx, .xlsm): a zip.</summary>
    OpenXml,
    /// <summary>Legacy binary workbook (.xls): an OLE2 compound file.</summary>
    LegacyExcel,
    /// <summary>An OLE2 compound file holding an encrypted (password-protected) workbook.</summary>
    Encrypted,
    Csv,
}
