using System.Buffers;
using SharedServicesPipeline.Pipeline.Submissions;

namespace SharedServicesPipeline.Pipeline.Reading;

/// <summary>
/// A CSV is text: a NUL byte means binary content (a corrupt export, or a binary file renamed .csv) that would otherwise
/// be read as strange cells. UTF-16 text (Excel's "Unicode text") is full of NULs by design and is not checked.
/// </summary>
public static class CsvTextCheck
{
    public const int MaxLineBytes = 1024 * 1024;

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
            var line = 1;
            long lineBytes = 0;
            while ((read = content.Read(buffer, 0, buffer.Length)) > 0)
            {
                var span = buffer.AsSpan(0, read);
                var nul = span.IndexOf((byte)0);
                if (nul >= 0)
                {
                    line += span[..nul].Count((byte)'\n');
                    return new SubmissionProblem(
                        ProblemSeverity.FileError,
                        "file.csv-not-text",
                        $"{fileName} contains binary data (a NUL byte on line {line}), so it is not a text CSV file. Open it in Excel, save it as 'CSV UTF-8 (Comma delimited)' or .xlsx, and resubmit.",
                        Row: line);
                }

                // One physical line longer than this is not a row of arrangements, and reading it would need several times its size in memory.
                for (var rest = span; ;)
                {
                    var newline = rest.IndexOf((byte)'\n');
                    lineBytes += newline < 0 ? rest.Length : newline;
                    if (lineBytes > MaxLineBytes)
                    {
                        return new SubmissionProblem(
                            ProblemSeverity.FileError,
                            "file.csv-line-too-long",
                            $"Line {line} of {fileName} is over {MaxLineBytes / (1024 * 1024)} MB long; a CSV of arrangements has one arrangement per line. Check the file was saved as CSV from the template, and resubmit.",
                            Row: line);
                    }

                    if (newline < 0)
                    {
                        break;
                    }

                    line++;
                    lineBytes = 0;
                    rest = rest[(newline + 1)..];
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
}
