using System.IO.Compression;
using Microsoft.Extensions.DependencyInjection;
using SharedServicesPipeline.Pipeline;
using SharedServicesPipeline.Pipeline.Reading;
using SharedServicesPipeline.Pipeline.Reporting;
using SharedServicesPipeline.Pipeline.Submissions;
using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.Fuzz;

/// <summary>
/// Runs one case through the reader or the whole ingest, bounded in time, and says whether its outcome is a clear one.
/// A case that throws, runs past its bound or ends without a clear outcome comes back with a <see cref="FuzzCaseResult.Failure"/>.
/// </summary>
internal static class FuzzCaseRunner
{
    private static readonly SubmissionReader Reader = new(new IntakeOptions(), HeaderSynonyms.BuiltIn);

    public static async Task<FuzzCaseResult> ReadAsync(FuzzCase fuzz, TimeSpan bound)
    {
        SubmissionReadResult result;
        var handed = 0;
        try
        {
            // The reader is synchronous: a hang cannot be cancelled, only outwaited, and then it fails the case.
            result = await Task.Run(() => Reader.Read(new MemoryStream(fuzz.Bytes, writable: false), fuzz.FileName, _ => handed++)).WaitAsync(bound);
        }
        catch (TimeoutException)
        {
            return new(fuzz, "Hang", $"the reader did not finish within {bound.TotalSeconds:0} s");
        }
        catch (Exception ex)
        {
            return new(fuzz, "Exception", $"the reader threw {ex.GetType().Name}: {ex.Message}{Where(ex)}");
        }

        if (Unclear(result.Problems) is { } unclear)
        {
            return new(fuzz, "Unclear", unclear);
        }

        if (result.HasFileError)
        {
            return new(fuzz, $"Rejected {result.Problems.First(p => p.Severity == ProblemSeverity.FileError).Code}");
        }

        return result.RowsRead > 0 && result.RowsRead == handed && result.Sheets.Count > 0
            ? new(fuzz, "Read", RowsRead: result.RowsRead)
            : new(fuzz, "Unclear", $"no file error, yet {result.RowsRead} rows read ({handed} handed over) from {result.Sheets.Count} sheets");
    }

    /// <summary>The whole ingest into <paramref name="mart"/>; the outcome must agree with what the reader alone said.</summary>
    public static async Task<FuzzCaseResult> IngestAsync(TestMart mart, FuzzCase fuzz, FuzzCaseResult read, TimeSpan bound)
    {
        SubmissionOutcome outcome;
        using var timeout = new CancellationTokenSource(bound);
        try
        {
            outcome = await Task.Run(async () =>
            {
                await using var scope = mart.Services.CreateAsyncScope();
                var input = new SubmissionInput(new MemoryStream(fuzz.Bytes, writable: false), fuzz.FileName, new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
                return await scope.ServiceProvider.GetRequiredService<SubmissionIngestor>().IngestAsync(input, timeout.Token);
            }).WaitAsync(bound + TimeSpan.FromSeconds(5));
        }
        catch (Exception ex) when (ex is TimeoutException || (ex is OperationCanceledException && timeout.IsCancellationRequested))
        {
            return new(fuzz, "Hang", $"the ingest did not finish within {bound.TotalSeconds:0} s");
        }
        catch (Exception ex)
        {
            return new(fuzz, "Exception", $"the ingest threw {ex.GetType().Name}: {ex.Message}{Where(ex)}");
        }

        var failure = Unclear(outcome.Problems) ?? outcome.Disposition switch
        {
            SubmissionDisposition.Rejected when !read.Rejected => $"the ingest rejected it ({Code(outcome)}) but the reader read {read.RowsRead} rows",
            SubmissionDisposition.Rejected when Code(outcome) != read.Code => $"the ingest rejected it as {Code(outcome)}, the reader as {read.Code}",
            SubmissionDisposition.Processed when read.Rejected => $"the ingest processed it but the reader rejected it ({read.Code})",
            SubmissionDisposition.Processed when outcome.RowsRead != read.RowsRead => $"the ingest read {outcome.RowsRead} rows, the reader {read.RowsRead}",
            SubmissionDisposition.Processed when outcome.RowsAccepted + outcome.RowsRejected + outcome.RowsHeld != outcome.RowsRead =>
                $"{outcome.RowsRead} rows read but {outcome.RowsAccepted} accepted + {outcome.RowsRejected} rejected + {outcome.RowsHeld} held",
            SubmissionDisposition.Duplicate when outcome.DuplicateOf is null => "a duplicate of nothing",
            SubmissionDisposition.Processed or SubmissionDisposition.Rejected or SubmissionDisposition.Duplicate => null,
            _ => $"disposition {outcome.Disposition}",
        } ?? Reports(mart, outcome);
        var label = outcome.Disposition == SubmissionDisposition.Rejected ? $"Rejected {Code(outcome)}" : outcome.Disposition.ToString();
        return new(fuzz, label, failure, outcome.RowsRead);
    }

    // A clear outcome: every problem has a reason code and a message; a file error's code is a file.* code.
    private static string? Unclear(IEnumerable<SubmissionProblem> problems) =>
        problems.FirstOrDefault(p => string.IsNullOrWhiteSpace(p.Code) || p.Message.Length < 20
                                     || (p.Severity == ProblemSeverity.FileError && !p.Code.StartsWith("file.", StringComparison.Ordinal))) is { } bad
            ? $"an unclear problem: {bad}"
            : null;

    private static string? Code(SubmissionOutcome outcome) => outcome.Problems.FirstOrDefault(p => p.Severity == ProblemSeverity.FileError)?.Code;

    // The submitter's reports: a duplicate's are those of the submission it duplicates.
    private static string? Reports(TestMart mart, SubmissionOutcome outcome)
    {
        var folder = Path.Combine(mart.ReportsPath, outcome.DuplicateOf ?? outcome.SubmissionId);
        var json = Path.Combine(folder, OutcomeReport.FileName);
        var workbook = Path.Combine(folder, ReportWorkbook.FileName);
        if (!File.Exists(json) || !File.Exists(workbook))
        {
            return $"no {OutcomeReport.FileName} and {ReportWorkbook.FileName} in {folder}";
        }

        var written = OutcomeReport.Read(File.ReadAllBytes(json));
        if (written is null || (outcome.DuplicateOf is null && written.Disposition != outcome.Disposition))
        {
            return $"{OutcomeReport.FileName} says {written?.Disposition.ToString() ?? "nothing"}";
        }

        using var zip = ZipFile.OpenRead(workbook);
        return zip.GetEntry("xl/workbook.xml") is null ? $"{ReportWorkbook.FileName} is not a workbook" : null;
    }

    // The frame that threw and the first of ours: enough to find the bug from the test's message.
    private static string Where(Exception ex)
    {
        var frames = (ex.StackTrace ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var ours = frames.FirstOrDefault(f => f.Contains("SharedServicesPipeline", StringComparison.Ordinal));
        return frames.Length == 0 ? "" : ours is null || ours == frames[0] ? $" [{frames[0]}]" : $" [{frames[0]} … {ours}]";
    }
}
