using System.Buffers;
using SharedServicesPipeline.Pipeline.Submissions;

namespace SharedServicesPipeline.Pipeline.Reading;

/// <summary>
/// A CSV is text: a NUL byte means binary content (a corrupt export, or a binary file renamed .csv) that would otherwise
/// be read as strange cells. UTF-16 text (Excel's "Unicode text") is full of NULs by design and is not checked.
/// </summary>
public static class CsvTextCheck
{
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

                line += span.Count((byte)'\n');
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
