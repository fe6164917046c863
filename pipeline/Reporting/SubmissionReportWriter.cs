namespace SharedServicesPipeline.Pipeline.Reporting;

/// <summary>
/// Writes a submission's reports beside each other (<c>reports/{submission-id}/</c>, whichever host): report.html,
/// report.xlsx, arrangements.json for the next return to compare with, and outcome.json last, since its presence is
/// what says the reports are complete.
/// </summary>
public static class SubmissionReportWriter
{
    /// <summary>The names of the reports <paramref name="report"/> will be written as; the outcome lists them.</summary>
    public static IReadOnlyList<string> NamesOf(SubmissionReport report) =>
        report.Arrangements is null
            ? [OutcomeReport.FileName, ReportPage.FileName, ReportWorkbook.FileName]
            : [OutcomeReport.FileName, ReportPage.FileName, ReportWorkbook.FileName, ArrangementSnapshot.ReportName];

    /// <summary>Writes every report; <paramref name="ifAbsent"/> for a report rebuilt after a crash (never overwrites). False when the outcome was already there.</summary>
    public static async Task<bool> WriteAsync(IReportSink sink, SubmissionReport report, IntakeOptions options, CancellationToken cancellationToken, bool ifAbsent = false)
    {
        var id = report.Outcome.SubmissionId;
        async Task<bool> Write(string name, ReadOnlyMemory<byte> content) => ifAbsent
            ? await sink.WriteIfAbsentAsync(id, name, content, cancellationToken)
            : await WriteAlways(name, content);
        async Task<bool> WriteAlways(string name, ReadOnlyMemory<byte> content)
        {
            await sink.WriteAsync(id, name, content, cancellationToken);
            return true;
        }

        // Streamed into one buffer and handed over as it is (bounded: the report shows at most
        // ReportMaxProblemRows rows and ReportMaxProblems problems, whatever the file's size).
        using (var workbook = new MemoryStream())
        {
            ReportWorkbook.Write(workbook, report.Outcome, report.Sheets, report.Rows, options);
            await Write(ReportWorkbook.FileName, new ReadOnlyMemory<byte>(workbook.GetBuffer(), 0, (int)workbook.Length));
        }

        await Write(ReportPage.FileName, ReportPage.Write(report));
        if (report.Arrangements is { } arrangements)
        {
            // Streamed from the snapshot's file: a 100k-row return's is tens of MB.
            var json = arrangements.OpenJson();
            if (ifAbsent)
            {
                await sink.WriteIfAbsentAsync(id, ArrangementSnapshot.ReportName, json, cancellationToken);
            }
            else
            {
                await sink.WriteAsync(id, ArrangementSnapshot.ReportName, json, cancellationToken);
            }
        }

        return await Write(OutcomeReport.FileName, OutcomeReport.Write(report.Outcome));
    }
}
