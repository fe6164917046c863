using System.Buffers;
using SharedServicesPipeline.Pipeline.Submissions;

namespace SharedServicesPipeline.Pipeline.Reading;

/// <summary>
/// A CSV is text: a NUL byte means binary content (a corrupt export, or a binary file renamed .csv) that would otherwise
/// be read as strange cells. UTF-16 text (Excel's "Unicode text") is full of NULs by design and is not checked when it
/// has its byte-order mark. A record (a line, or the lines a quoted cell spans) over 1 MB is refused too, so that a
/// quote opened and never closed cannot make the CSV parser hold the rest of the file as one cell.
/// </summary>
public static class CsvTextCheck
{
    public const int MaxLineBytes = CsvRecordLength.MaxBytes;

    public static SubmissionProblem? Check(Stream content, string fileName)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            content.Position = 0;
            var read = content.Read(buffer, 0, 2);
            if (read == 2 && ((buffer[0] == 0xFF && buffer[1] == 0xFE) || (buffer[0] == 0xFE && buffer[1] == 0xFF)))
            {
                return null;
            }

            content.Position = 0;
            var record = new CsvRecordLength();
            while ((read = content.Read(buffer, 0, buffer.Length)) > 0)
            {
                var span = buffer.AsSpan(0, read);
                var nul = span.IndexOf((byte)0);
                if (nul >= 0)
                {
                    var line = record.Line + span[..nul].Count((byte)'\n');
                    var what = record.Line == 1 && LooksLikeUtf16(span)
                        ? "is UTF-16 text (Excel's 'Unicode Text') that has lost its byte-order mark, so it cannot be told from binary data"
                        : $"contains binary data (a NUL byte on line {line}), so it is not a text CSV file";
                    return new SubmissionProblem(
                        ProblemSeverity.FileError,
                        "file.csv-not-text",
                        $"{fileName} {what}. Open it in Excel, save it as 'CSV UTF-8 (Comma delimited)' or .xlsx, and resubmit.",
                        Row: line);
                }

                // One record (a line, or lines inside a quoted cell) longer than this is not a row of arrangements, and
                // reading it would need several times its size in memory.
                if (!record.Add(span) && record.TooManyCells)
                {
                    // A parser holds a row's cells as objects: a million of them a line is hundreds of MB.
                    return new SubmissionProblem(
                        ProblemSeverity.FileError,
                        FileLimitException.BeyondExcelLimits,
                        $"{fileName} goes beyond what a spreadsheet program saves: line {record.StartLine} has more than {CsvRecordLength.MaxCells:N0} cells (Excel's last column is XFD). Check that the file was saved as CSV from the template with one arrangement per line, and resubmit.",
                        Row: record.StartLine);
                }

                if (record.Overlong)
                {
                    return new SubmissionProblem(
                        ProblemSeverity.FileError,
                        "file.csv-line-too-long",
                        record.InQuotes
                            ? $"A quoted cell starting on line {record.StartLine} of {fileName} is never closed: it runs on for over {MaxLineBytes / (1024 * 1024)} MB. Check that line for a stray double quote (\"), or save the file from Excel as .xlsx, and resubmit."
                            : $"Line {record.StartLine} of {fileName} is over {MaxLineBytes / (1024 * 1024)} MB long; a CSV of arrangements has one arrangement per line. Check the file was saved as CSV from the template, and resubmit.",
                        Row: record.StartLine);
                }
            }

            return null;
        }
        finally
        {
            content.Position = 0;
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>ASCII text in UTF-16 LE or BE without a byte-order mark: a NUL in nine of ten of every other byte at the start.</summary>
    internal static bool LooksLikeUtf16(ReadOnlySpan<byte> head)
    {
        var sample = head[..(Math.Min(head.Length, 256) & ~1)];
        var even = 0;
        var odd = 0;
        for (var i = 0; i < sample.Length; i += 2)
        {
            even += sample[i] == 0 ? 1 : 0;
            odd += sample[i + 1] == 0 ? 1 : 0;
        }

        var pairs = sample.Length / 2;
        return pairs >= 4 && (even * 10 >= pairs * 9 || odd * 10 >= pairs * 9);
    }
}
