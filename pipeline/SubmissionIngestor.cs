using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SharedServicesPipeline.Pipeline.Loading;
using SharedServicesPipeline.Pipeline.Reading;
using SharedServicesPipeline.Pipeline.Reporting;
using SharedServicesPipeline.Pipeline.Submissions;
using SharedServicesPipeline.Pipeline.Validation;

namespace SharedServicesPipeline.Pipeline;

/// <summary>
/// The ingest entry point: one call takes a submission and returns its outcome. Reads, validates, resolves partners,
/// loads the good rows in one transaction and writes the submitter's report. Bad rows are outcomes, not exceptions;
/// an exception means a fault (database, storage) that a retry can complete.
/// </summary>
public sealed partial class SubmissionIngestor
{
    private readonly SubmissionReader _reader;
    private readonly ArrangementValidator _validator;
    private readonly ISubmissionLoader _loader;
    private readonly IReportSink _reports;
    private readonly IntakeOptions _options;
    private readonly ILogger<SubmissionIngestor> _logger;
    private readonly DuplicateCompletion _duplicates;
    private readonly PreviousReturnFinder? _previous;

    public SubmissionIngestor(
        SubmissionReader reader,
        ArrangementValidator validator,
        ISubmissionLoader loader,
        IReportSink reports,
        IOptions<IntakeOptions> options,
        ILogger<SubmissionIngestor> logger,
        ISubmissionHistory? history = null)
    {
        // Without the mart's history (a bench's counting loader) a report simply has no "since your last submission".
        _previous = history is null ? null : new PreviousReturnFinder(history, reports);
        _reader = reader;
        _validator = validator;
        _loader = loader;
        _reports = reports;
        _options = options.Value;
        _logger = logger;
        _duplicates = new DuplicateCompletion(reader, validator, reports, _options, logger);
    }

    /// <summary>
    /// Ingests one submission. Idempotent: the same bytes again change nothing and say which submission they duplicate;
    /// a re-delivery after a crash between the load and the report finishes the report instead.
    /// </summary>
    public async Task<SubmissionOutcome> IngestAsync(SubmissionInput input, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var fileName = SafePath.FileName(input.FileName);
        await using var content = await BufferAsync(input.Content, cancellationToken);
        var sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(content, cancellationToken));
        content.Position = 0;
        var submissionId = $"{input.ReceivedAt.UtcDateTime:yyyyMMdd}-{sha256[..12]}";

        var prior = await _loader.FindBySha256Async(sha256, cancellationToken);
        if (prior is not null)
        {
            return await _duplicates.CompleteAsync(prior, content, fileName, sha256, input.ReceivedAt, input.Council, cancellationToken);
        }

        // The loader takes the rows as they are read; a file found unloadable part-way is rolled back and rejected whole.
        var rows = new StreamedSubmissionRows(_reader, _validator, _options, content, fileName, input.Council);
        var batch = new SubmissionBatch(submissionId, fileName, sha256, input.ReceivedAt, input.Submitter, rows) { SubmittingCouncil = input.Council?.Code };
        var load = await _loader.LoadAsync(batch, cancellationToken);
        // The same bytes loaded by another worker while this one validated (two identical files at once).
        if (load.DuplicateOf is not null && await _loader.FindBySha256Async(sha256, cancellationToken) is { } racedPrior)
        {
            return await _duplicates.CompleteAsync(racedPrior, content, fileName, sha256, input.ReceivedAt, input.Council, cancellationToken);
        }

        var read = rows.Read ?? throw new InvalidOperationException("The loader returned without reading the submission's rows.");
        var validation = rows.Rows!;
        // A rejected file's problems are the reader's; a read one's add the rows', listed up to the cap and counted beyond.
        var problems = new ProblemTally(_options.MaxListedProblems);
        problems.AddRange(read.Problems);
        var outcome = new SubmissionOutcome
        {
            SubmissionId = submissionId,
            FileName = fileName,
            Sha256 = sha256,
            ReceivedAt = input.ReceivedAt,
            SubmittingCouncil = input.Council?.Code,
            Disposition = SubmissionDisposition.Rejected,
            Problems = problems.Listed,
            ProblemsNotListed = problems.Unlisted,
        };
        if (!read.HasFileError)
        {
            problems.AddRange(validation.Problems);
            outcome = outcome with
            {
                Disposition = SubmissionDisposition.Processed,
                Return = rows.Return,
                RowsRead = read.RowsRead,
                RowsAccepted = validation.Accepted,
                RowsRejected = validation.Rejected,
                RowsHeld = validation.Held,
                ArrangementsAdded = load.Added,
                ArrangementsUpdated = load.Updated,
                ArrangementsUnchanged = load.Unchanged,
                Problems = problems.Listed,
                ProblemsNotListed = problems.Unlisted,
            };
        }

        var report = new SubmissionReport(outcome) { Sheets = read.Sheets };
        if (!read.HasFileError)
        {
            var arrangements = validation.Arrangements.Finish(submissionId, fileName, input.ReceivedAt);
            report = report with
            {
                Rows = validation.Report,
                Contents = validation.Contents,
                Arrangements = arrangements,
                Changes = _previous is null ? null : await _previous.CompareAsync(arrangements, outcome.Problems, cancellationToken, input.Council?.Code),
            };
        }

        outcome = outcome with { Reports = SubmissionReportWriter.NamesOf(report) };
        var reportStarted = stopwatch.Elapsed.TotalMilliseconds;
        using (report.Arrangements)
        {
            await SubmissionReportWriter.WriteAsync(_reports, report with { Outcome = outcome }, _options, cancellationToken);
        }

        validation.Arrangements.Dispose();
        LogReportsWritten(outcome.SubmissionId, validation.Report.Rows.Count, report.Changes?.PreviousSubmissionId, stopwatch.Elapsed.TotalMilliseconds - reportStarted);
        LogIngested(fileName, outcome.SubmissionId, outcome.Disposition, outcome.RowsRead, outcome.RowsAccepted, outcome.RowsRejected, outcome.RowsHeld, stopwatch.Elapsed.TotalMilliseconds);
        return outcome;
    }

    /// <summary>
    /// Ends a submission that faulted on every allowed attempt (blob trigger and <c>ssp watch</c> alike): a Rejected
    /// outcome with its report, so the submitter hears and nothing loops. Nothing from the file was loaded.
    /// </summary>
    public Task<SubmissionOutcome> GiveUpAsync(string name, DateTimeOffset receivedAt, int attempts, Exception fault, CancellationToken cancellationToken) =>
        RejectUnreadAsync(name, receivedAt, "fault", new SubmissionProblem(ProblemSeverity.FileError, "file.could-not-be-processed",
            $"The file could not be processed after {attempts} attempts ({fault.GetType().Name}). Nothing from it was loaded. " +
            "The service desk has been alerted through the logs; resubmit the file later, or contact the programme team if this repeats."),
            cancellationToken);

    /// <summary>Refuses a submission unread, for a reason that is not in its content (e.g. a folder that is no council's): a Rejected outcome with its report.</summary>
    public Task<SubmissionOutcome> RefuseAsync(string name, DateTimeOffset receivedAt, SubmissionProblem reason, CancellationToken cancellationToken) =>
        RejectUnreadAsync(name, receivedAt, "refused", reason, cancellationToken);

    private async Task<SubmissionOutcome> RejectUnreadAsync(string name, DateTimeOffset receivedAt, string kind, SubmissionProblem problem, CancellationToken cancellationToken)
    {
        var id = $"{receivedAt.UtcDateTime:yyyyMMdd}-{kind}-{Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name + receivedAt.ToString("O", CultureInfo.InvariantCulture))))[..8]}";
        var outcome = new SubmissionOutcome
        {
            SubmissionId = id,
            FileName = SafePath.FileName(name),
            Sha256 = "",
            ReceivedAt = receivedAt,
            Disposition = SubmissionDisposition.Rejected,
            Problems = [problem],
            Reports = [OutcomeReport.FileName, ReportPage.FileName],
        };
        await _reports.WriteAsync(id, ReportPage.FileName, ReportPage.Write(new SubmissionReport(outcome)), cancellationToken);
        await _reports.WriteAsync(id, OutcomeReport.FileName, OutcomeReport.Write(outcome), cancellationToken);
        return outcome;
    }

    // The reader needs to seek (zip directory, format sniffing); blob and upload streams cannot. Small files stay in
    // memory, sized exactly; anything bigger spills to a temp file, so a 50 MB file costs disk, not 50-100 MB of heap.
    private const long InMemoryBytes = 2L * 1024 * 1024;

    private async Task<Stream> BufferAsync(Stream content, CancellationToken cancellationToken)
    {
        if (content.CanSeek && content.Length - content.Position <= InMemoryBytes)
        {
            var copy = new MemoryStream((int)(content.Length - content.Position));
            await content.CopyToAsync(copy, cancellationToken);
            copy.Position = 0;
            return copy;
        }

        return await SpillAsync(content, cancellationToken);
    }

    private async Task<Stream> SpillAsync(Stream content, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Path.GetTempPath(), "ssp-" + Guid.NewGuid().ToString("N"));
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        var limit = _options.MaxFileBytes + 1;
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0 && total < limit)
        {
            await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            total += read;
        }

        file.Position = 0;
        return file;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Wrote the reports of {SubmissionId}: {RowsShown} rows shown, compared with {PreviousSubmissionId}, in {ElapsedMs:0} ms")]
    private partial void LogReportsWritten(string submissionId, int rowsShown, string? previousSubmissionId, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Ingested {FileName} as {SubmissionId}: {Disposition}, {RowsRead} read, {RowsAccepted} accepted, {RowsRejected} rejected, {RowsHeld} held in {ElapsedMs:0} ms")]
    private partial void LogIngested(string fileName, string submissionId, SubmissionDisposition disposition, int rowsRead, int rowsAccepted, int rowsRejected, int rowsHeld, double elapsedMs);
}
