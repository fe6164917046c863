using System.IO.Compression;
using SharedServicesPipeline.Pipeline.Submissions;

namespace SharedServicesPipeline.Pipeline.Reading;

/// <summary>Refuses an .xlsx whose parts would inflate beyond the limits, from the zip directory alone, before anything is inflated.</summary>
public static class ZipBombGuard
{
    public static SubmissionProblem? Check(Stream content, string fileName, IntakeOptions options)
    {
        try
        {
            content.Position = 0;
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                var ratio = entry.CompressedLength == 0 ? (entry.Length == 0 ? 0 : long.MaxValue) : entry.Length / entry.CompressedLength;
                if (total > options.MaxInflatedBytes || (entry.Length > 1_000_000 && ratio > options.MaxCompressionRatio))
                {
                    return new SubmissionProblem(
                        ProblemSeverity.FileError,
                        "file.inflates-too-far",
                        $"{fileName} would expand to more than the {options.MaxInflatedBytes / (1024 * 1024)} MB allowed (part '{entry.FullName}' inflates {ratio}:1). " +
                        "Save the workbook again from Excel, or send the arrangements as CSV.");
                }
            }

            return null;
        }
        catch (InvalidDataException ex)
        {
            return new SubmissionProblem(
                ProblemSeverity.FileError,
                "file.corrupt",
                $"{fileName} looks like an Excel workbook but its contents are damaged ({ex.Message}). Open it in Excel, save it again and resubmit.");
        }
        finally
        {
            content.Position = 0;
        }
    }
}
