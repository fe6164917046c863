using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using SharedServicesPipeline.Pipeline.Loading;
using SharedServicesPipeline.Pipeline.Reading;
using SharedServicesPipeline.Pipeline.Reporting;
using SharedServicesPipeline.Pipeline.Submissions;
using SharedServicesPipeline.Pipeline.Validation;

namespace SharedServicesPipeline.Pipeline;

/// <summary>
/// Finishes a submission whose bytes the mart already holds, loading nothing. The earlier submission's report is
/// written again from these same bytes if a crash after its load lost it. Then a re-delivery of that same submission
/// (same name, same arrival) gets its outcome back; a byte-identical file sent separately gets an outcome of its own,
/// under its own id, saying which submission it duplicates.
/// </summary>
internal sealed partial class DuplicateCompletion
{
    private readonly SubmissionReader _reader;
    private readonly ArrangementValidator _validator;
    private readonly IReportSink _reports;
    private readonly IntakeOptions _options;
    private readonly ILogger _logger;

    public DuplicateCompletion(SubmissionReader reader, ArrangementValidator validator, IReportSink reports, IntakeOptions options, ILogger logger)
    {
        _reader = reader;
        _validator = validator;
        _reports = reports;
        _options = options;
        _logger = logger;
    }

    public async Task<SubmissionOutcome> CompleteAsync(
        PriorSubmission prior, Stream content, string fileName, string sha256, DateTimeOffset receivedAt, SubmittingCouncil? council, CancellationToken cancellationToken)
    {
        var original = await OriginalOutcomeAsync(prior, content, sha256, council, cancellationToken);
        if (string.Equals(prior.FileName, fileName, StringComparison.Ordinal) && prior.ReceivedAt == receivedAt)
        {
            LogRedelivered(fileName, prior.SubmissionId);
            return original;
        }

        var duplicate = AsLoaded(prior, sha256) with
        {
            SubmissionId = DuplicateIdOf(sha256, fileName, receivedAt),
            FileName = fileName,
            ReceivedAt = receivedAt,
            SubmittingCouncil = council?.Code,
            Disposition = SubmissionDisposition.Duplicate,
            DuplicateOf = prior.SubmissionId,
        };

        var report = new SubmissionReport(duplicate);
        duplicate = duplicate with { Reports = SubmissionReportWriter.NamesOf(report) };
        await SubmissionReportWriter.WriteAsync(_reports, report with { Outcome = duplicate }, _options, cancellationToken);
        LogDuplicate(fileName, duplicate.SubmissionId, prior.SubmissionId);
        return duplicate;
    }

    /// <summary>
    /// The same bytes again, on another day or under another name, get an id of their own (the earlier one's would be
    /// the same on the same day); stable for the same delivery, so its own re-delivery rewrites the same report.
    /// </summary>
    private static string DuplicateIdOf(string sha256, string fileName, DateTimeOffset receivedAt)
    {
        var delivery = Encoding.UTF8.GetBytes($"{sha256}\n{fileName}\n{receivedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)}");
        return $"{receivedAt.UtcDateTime:yyyyMMdd}-dup-{Convert.ToHexStringLower(SHA256.HashData(delivery))[..12]}";
    }

    /// <summary>The earlier submission as the mart recorded it: the counts it loaded, its name and arrival.</summary>
    private static SubmissionOutcome AsLoaded(PriorSubmission prior, string sha256) => new()
    {
        SubmissionId = prior.SubmissionId,
        FileName = prior.FileName,
        Sha256 = sha256,
        ReceivedAt = prior.ReceivedAt,
        Disposition = SubmissionDisposition.Processed,
        RowsRead = prior.RowsRead,
        RowsAccepted = prior.RowsAccepted,
        RowsRejected = prior.RowsRejected,
        RowsHeld = prior.RowsHeld,
        Reports = [OutcomeReport.FileName, ReportPage.FileName, ReportWorkbook.FileName],
    };

    private async Task<SubmissionOutcome> OriginalOutcomeAsync(PriorSubmission prior, Stream content, string sha256, SubmittingCouncil? council, CancellationToken cancellationToken)
    {
        // The ingestor writes outcome.json after report.xlsx, so an outcome present means both are.
        if (await _reports.ReadAsync(prior.SubmissionId, OutcomeReport.FileName, cancellationToken) is { } json && OutcomeReport.Read(json) is { } stored)
        {
            return stored;
        }

        // Lost in a crash between the load and the report: the bytes are the same, so reading and validating them
        // again (without loading) gives the same rows and problems.
        var work = WorkBudget.For(_options);
        var rows = new RowValidation(_validator, new ReportRowCollector(_options), static _ => { }, int.MaxValue, council, _options.MaxListedProblems, work, cancellationToken);
        content.Position = 0;
        var read = _reader.Read(content, prior.FileName, rows.Add, work);
        var problems = new ProblemTally(_options.MaxListedProblems);
        problems.Add(new SubmissionProblem(ProblemSeverity.Warning, "report.rebuilt",
            "This report was written again after an interruption stopped the first attempt just after the rows were loaded. " +
            "The rows and problems are as loaded; the counts of arrangements added, updated and unchanged were not kept, so they show as 0."));
        problems.AddRange(read.Problems);
        problems.AddRange(rows.Problems);
        var outcome = AsLoaded(prior, sha256) with
        {
            Return = TitleBlockAuthority.Describe(read.Description, _validator),
            Problems = problems.Listed,
            ProblemsNotListed = problems.Unlisted,
        };
        var report = new SubmissionReport(outcome) { Sheets = read.Sheets };
        if (!read.HasFileError)
        {
            report = report with
            {
                Rows = rows.Report,
                Contents = rows.Contents,
                Arrangements = rows.Arrangements.Finish(prior.SubmissionId, prior.FileName, prior.ReceivedAt),
            };
        }

        outcome = outcome with { Reports = SubmissionReportWriter.NamesOf(report) };
        bool reportWritten;
        using (report.Arrangements)
        using (rows.Arrangements)
        {
            reportWritten = await SubmissionReportWriter.WriteAsync(_reports, report with { Outcome = outcome }, _options, cancellationToken, ifAbsent: true);
        }

        if (!reportWritten)
        {
            // The original's worker finished after all: its outcome is the better one.
            return await _reports.ReadAsync(prior.SubmissionId, OutcomeReport.FileName, cancellationToken) is { } written && OutcomeReport.Read(written) is { } theirs
                ? theirs
                : outcome;
        }

        LogReportRebuilt(prior.SubmissionId);
        return outcome;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Submission {FileName} is a re-delivery of {SubmissionId}, already loaded; nothing loaded twice")]
    private partial void LogRedelivered(string fileName, string submissionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Submission {FileName} ({SubmissionId}) duplicates {PriorSubmissionId}; nothing changed")]
    private partial void LogDuplicate(string fileName, string submissionId, string priorSubmissionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The report of {SubmissionId} was missing after its load (an interrupted attempt); written again from its bytes")]
    private partial void LogReportRebuilt(string submissionId);
}
