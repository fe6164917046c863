using System.Text;
using SharedServicesPipeline.Pipeline.Reading.Legacy;

namespace SharedServicesPipeline.Pipeline.Reading;

/// <summary>Tells a file's format from its first bytes: councils rename files, so the extension is only a hint.</summary>
public static class SubmissionFormatSniffer
{
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] Ole2Magic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    private static readonly (byte[] Magic, string What)[] OtherBinaryFormats =
    [
        ("%PDF"u8.ToArray(), "a PDF document"),
        ([0x89, 0x50, 0x4E, 0x47], "a PNG image"),
        ([0xFF, 0xD8, 0xFF], "a JPEG image"),
        ("GIF8"u8.ToArray(), "a GIF image"),
        ([0x1F, 0x8B], "a gzip archive"),
        ("Rar!"u8.ToArray(), "a RAR archive"),
        ([0x37, 0x7A, 0xBC, 0xAF], "a 7-Zip archive"),
        ("{\\rtf"u8.ToArray(), "a Rich Text (RTF) document"),
        ([0x50, 0x4B, 0x05, 0x06], "an empty zip archive"),
    ];

    /// <summary>Reads up to 8 KB from the start of a seekable stream and rewinds it.</summary>
    public static SubmissionFormat Detect(Stream content) => Detect(content, out _);

    /// <param name="otherFormat">For an unreadable file, what it looks like instead (e.g. "a PDF document"), when known.</param>
    public static SubmissionFormat Detect(Stream content, out string? otherFormat)
    {
        otherFormat = null;
        var head = new byte[8192];
        content.Position = 0;
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        content.Position = 0;
        var span = head.AsSpan(0, read);

        if (span.StartsWith(ZipMagic))
        {
            return SubmissionFormat.OpenXml;
        }

        if (span.StartsWith(Ole2Magic))
        {
            return IsEncryptedPackage(content) ? SubmissionFormat.Encrypted : SubmissionFormat.LegacyExcel;
        }

        foreach (var (magic, what) in OtherBinaryFormats)
        {
            if (span.StartsWith(magic))
            {
                otherFormat = what;
                return SubmissionFormat.Unknown;
            }
        }

        // Excel's "Unicode text" is UTF-16 with a byte-order mark: full of NUL bytes, yet text.
        if (span.StartsWith((byte[])[0xFF, 0xFE]) || span.StartsWith((byte[])[0xFE, 0xFF]))
        {
            return SubmissionFormat.Csv;
        }

        // The same without its mark: read as CSV, so that CsvTextCheck can say what it is rather than "not a spreadsheet".
        if (CsvTextCheck.LooksLikeUtf16(span))
        {
            return SubmissionFormat.Csv;
        }

        if (read == 0 || !LooksLikeText(span))
        {
            return SubmissionFormat.Unknown;
        }

        otherFormat = MarkupFormat(span);
        return otherFormat is null ? SubmissionFormat.Csv : SubmissionFormat.Unknown;
    }

    // An encrypted .xlsx is an OLE2 file with streams named "EncryptionInfo" and "EncryptedPackage": its directory is
    // parsed, wherever in the file it lies. A damaged compound file is left for the reader to report.
    private static bool IsEncryptedPackage(Stream content)
    {
        try
        {
            return LegacyWorkbook.Classify(CompoundFile.Read(content)) == LegacyWorkbook.Kind.Encrypted;
        }
        catch (FileLimitException)
        {
            return false;
        }
        finally
        {
            content.Position = 0;
        }
    }

    // Web systems "export to Excel" as an HTML table or Excel 2003 XML with an .xls name; neither is a workbook we read.
    private static string? MarkupFormat(ReadOnlySpan<byte> head)
    {
        var text = Encoding.UTF8.GetString(head[..Math.Min(head.Length, 2048)]).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (text.StartsWith("<html", StringComparison.OrdinalIgnoreCase) || text.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("<table", StringComparison.OrdinalIgnoreCase))
        {
            return "a web page (HTML) saved under a spreadsheet's name";
        }

        if (text.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase))
        {
            return text.Contains("urn:schemas-microsoft-com:office:spreadsheet", StringComparison.OrdinalIgnoreCase)
                ? "an Excel 2003 XML spreadsheet"
                : "an XML document";
        }

        return null;
    }

    private static bool LooksLikeText(ReadOnlySpan<byte> head)
    {
        var control = 0;
        var nul = 0;
        foreach (var b in head)
        {
            if (b == 0)
            {
                nul++;
            }
            else if (b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1A))
            {
                control++;
            }
        }

        // A few stray control bytes (or a stray NUL, reported later) happen in exported CSV; binary junk has many.
        return control <= head.Length / 100 && nul <= Math.Max(2, head.Length / 100);
    }
}
