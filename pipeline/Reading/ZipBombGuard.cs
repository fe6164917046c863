using System.Buffers;
using System.Buffers.Binary;
using ICSharpCode.SharpZipLib;
using ICSharpCode.SharpZipLib.Zip;
using SharedServicesPipeline.Pipeline.Submissions;

namespace SharedServicesPipeline.Pipeline.Reading;

/// <summary>
/// Checks an .xlsx (a zip) before anything reads it: that it is a workbook, that its directory is small, that the sizes
/// it declares stay within the limits, and then, because a directory can lie, inflates every part through a counter
/// that stops the moment a part grows past its declared size. Time and memory stay bounded by the limits, never by the file.
/// The same pass refuses any part with a DOCTYPE, so no XML parser ever meets an entity or a DTD. Every entry is
/// measured, whatever it claims to be: an entry marked as a directory or a volume label still has bytes, and
/// System.IO.Compression opens it by name as readily as a file. (The reader's own parts are counted again where they
/// are inflated, by <see cref="OpenXml.CountedPart"/>: this pass is the first line, not the only one.)
/// </summary>
/// <remarks>
/// SharpZipLib inflates a part to its real end; System.IO.Compression (which ExcelDataReader uses afterwards) stops
/// at the declared size, so once the declared sizes are checked and proven true the second read is bounded too.
/// </remarks>
public static class ZipBombGuard
{
    private const int EndOfDirectorySignature = 0x06054B50;
    private const int Zip64LocatorSignature = 0x07064B50;
    private const int Zip64EndOfDirectorySignature = 0x06064B50;

    public static SubmissionProblem? Check(Stream content, string fileName, IntakeOptions options)
    {
        try
        {
            if (DeclaredEntryCount(content) is { } declared && declared > options.MaxZipEntries)
            {
                return TooManyParts(fileName, declared, options);
            }

            content.Position = 0;
            using var zip = new ZipFile(content, leaveOpen: true);
            if (zip.Count > options.MaxZipEntries)
            {
                return TooManyParts(fileName, (int)Math.Min(zip.Count, int.MaxValue), options);
            }

            var entries = zip.Cast<ZipEntry>().ToList();
            if (NotAWorkbook(entries, fileName) is { } notAWorkbook)
            {
                return notAWorkbook;
            }

            if (entries.FirstOrDefault(e => e.IsCrypted) is not null)
            {
                return new SubmissionProblem(ProblemSeverity.FileError, "file.password-protected",
                    $"{fileName} is password-protected (its parts are encrypted). Remove the password and resubmit.");
            }

            return CheckDeclaredSizes(entries, fileName, options) ?? CheckRealSizes(zip, entries, fileName, options);
        }
        catch (Exception ex) when (ex is SharpZipBaseException or InvalidDataException or EndOfStreamException or IOException
                                      or ArgumentOutOfRangeException or OverflowException
                                      || (ex is IndexOutOfRangeException && ExceptionOrigin.IsFrom(ex, typeof(ZipFile).Assembly)))
        {
            return new SubmissionProblem(
                ProblemSeverity.FileError,
                "file.corrupt",
                $"{fileName} looks like an Excel workbook but its contents are damaged or incomplete ({ex.Message}). Open it in Excel, save it again and resubmit.");
        }
        finally
        {
            content.Position = 0;
        }
    }

    private static SubmissionProblem? NotAWorkbook(List<ZipEntry> entries, string fileName)
    {
        bool Has(string name) => entries.Any(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase));
        if (Has("xl/workbook.xml"))
        {
            return null;
        }

        var (code, what) = Has("xl/workbook.bin") ? ("file.unsupported-format", "an Excel binary workbook (.xlsb)")
            : Has("word/document.xml") ? ("file.not-a-spreadsheet", "a Word document")
            : Has("ppt/presentation.xml") ? ("file.not-a-spreadsheet", "a PowerPoint presentation")
            : Has("content.xml") && Has("mimetype") ? ("file.unsupported-format", "an OpenDocument file (.ods)")
            : ("file.not-a-spreadsheet", "a zip archive");
        return new SubmissionProblem(ProblemSeverity.FileError, code,
            $"{fileName} is {what}, not a workbook we can read. Open it in Excel, save it as .xlsx (Excel Workbook) and resubmit.");
    }

    private static SubmissionProblem? CheckDeclaredSizes(List<ZipEntry> entries, string fileName, IntakeOptions options)
    {
        long total = 0;
        foreach (var entry in entries)
        {
            if (entry.Size < 0 || entry.CompressedSize < 0)
            {
                continue; // sizes only in a data descriptor: the real inflation below still counts every byte
            }

            total += entry.Size;
            var ratio = Ratio(entry.Size, entry.CompressedSize);
            if (total > options.MaxInflatedBytes || (entry.Size > 1_000_000 && ratio > options.MaxCompressionRatio))
            {
                return InflatesTooFar(fileName, entry.Name, options, $"it declares {entry.Size:N0} bytes, {ratio:N0}:1");
            }
        }

        return null;
    }

    private static SubmissionProblem? CheckRealSizes(ZipFile zip, List<ZipEntry> entries, string fileName, IntakeOptions options)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            long total = 0;
            foreach (var entry in entries)
            {
                var declared = entry.Size >= 0 ? entry.Size : long.MaxValue;
                var partLimit = Math.Min(declared, options.MaxInflatedBytes - total);
                long part = 0;
                var doctype = new DoctypeSearch();
                using var inflated = zip.GetInputStream(entry);
                int read;
                while ((read = inflated.Read(buffer, 0, buffer.Length)) > 0)
                {
                    if (doctype.Found(buffer.AsSpan(0, read)))
                    {
                        return HasDoctype(fileName, entry.Name);
                    }

                    part += read;
                    if (part > declared)
                    {
                        return OutgrowsDeclaredSize(fileName, entry.Name, declared);
                    }

                    if (part > partLimit || (part > 1_000_000 && Ratio(part, entry.CompressedSize) > options.MaxCompressionRatio))
                    {
                        return InflatesTooFar(fileName, entry.Name, options, $"{part:N0} bytes and more");
                    }
                }

                total += part;
            }

            return null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // The end-of-directory record says how many parts there are, before any library builds a list of them.
    private static int? DeclaredEntryCount(Stream content)
    {
        var length = (int)Math.Min(content.Length, 22 + ushort.MaxValue);
        var tail = new byte[length];
        content.Position = content.Length - length;
        content.ReadExactly(tail);
        for (var i = length - 22; i >= 0; i--)
        {
            if (BinaryPrimitives.ReadInt32LittleEndian(tail.AsSpan(i)) == EndOfDirectorySignature)
            {
                var count = BinaryPrimitives.ReadUInt16LittleEndian(tail.AsSpan(i + 10));
                return count == ushort.MaxValue ? Zip64EntryCount(content, content.Length - length + i) : count;
            }
        }

        return null;
    }

    // A ZIP64 archive (some writers always make one) keeps its real count in the ZIP64 end record, found through the
    // locator just before the classic one. Without them, 65,535 or more: more than any workbook needs.
    private static int Zip64EntryCount(Stream content, long endOfDirectory)
    {
        var record = new byte[56];
        if (endOfDirectory < 20)
        {
            return int.MaxValue;
        }

        content.Position = endOfDirectory - 20;
        content.ReadExactly(record.AsSpan(0, 20));
        var at = BinaryPrimitives.ReadInt64LittleEndian(record.AsSpan(8));
        if (BinaryPrimitives.ReadInt32LittleEndian(record) != Zip64LocatorSignature || at < 0 || at > content.Length - 56)
        {
            return int.MaxValue;
        }

        content.Position = at;
        content.ReadExactly(record);
        return BinaryPrimitives.ReadInt32LittleEndian(record) != Zip64EndOfDirectorySignature
            ? int.MaxValue
            : (int)Math.Min(BinaryPrimitives.ReadUInt64LittleEndian(record.AsSpan(32)), int.MaxValue);
    }

    private static long Ratio(long size, long compressed) => compressed <= 0 ? (size == 0 ? 0 : long.MaxValue) : size / compressed;

    private static SubmissionProblem TooManyParts(string fileName, int count, IntakeOptions options) => new(
        ProblemSeverity.FileError,
        "file.too-many-parts",
        $"{fileName} holds {(count == int.MaxValue ? "more than 65,535" : count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture))} parts; a workbook has far fewer (the limit is {options.MaxZipEntries:N0}). Save the workbook again from Excel, or send the arrangements as CSV.");

    private static SubmissionProblem HasDoctype(string fileName, string part) => new(
        ProblemSeverity.FileError,
        "file.xml-doctype",
        $"{fileName} is not a workbook as Excel saves it: its part '{part}' has a document type declaration (<!DOCTYPE …>), which Excel never writes and which can make a server read files or call other systems. It was not opened. Open it in Excel, save it again as .xlsx and resubmit.");

    // A damaged part or a crafted bomb: either way its directory lies, and no more of it is inflated to tell which.
    private static SubmissionProblem OutgrowsDeclaredSize(string fileName, string part, long declared) => new(
        ProblemSeverity.FileError,
        "file.inflates-too-far",
        $"{fileName} is damaged or was not saved by a spreadsheet program: its part '{part}' inflates past the {declared:N0} bytes its directory declares. It was not opened. Open it in Excel, save it again and resubmit, or send the arrangements as CSV.");

    private static SubmissionProblem InflatesTooFar(string fileName, string part, IntakeOptions options, string detail) => new(
        ProblemSeverity.FileError,
        "file.inflates-too-far",
        $"{fileName} would expand to more than the {options.MaxInflatedBytes / (1024 * 1024):N0} MB allowed (part '{part}': {detail}). It was not opened. Save the workbook again from Excel, or send the arrangements as CSV.");
}
