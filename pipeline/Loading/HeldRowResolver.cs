using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using SharedServicesPipeline.Pipeline.Reading;
using SharedServicesPipeline.Pipeline.Submissions;
using SharedServicesPipeline.Pipeline.Validation;

namespace SharedServicesPipeline.Pipeline.Loading;

/// <summary>
/// Validates held rows again with the current matcher (an operator may have added an alias since) and loads the rows
/// that now pass, with no resubmission. They load as one synthetic submission (<c>held-yyyyMMdd-…</c>, file name
/// <see cref="FileName"/>) so that dim_submission audits when and how they arrived; each held row records that submission.
/// Rows that now fail for another reason are rejected with it; the rest stay held, among them a council's rows for an
/// arrangement it is not part of, whatever the matcher now knows.
/// </summary>
public sealed partial class HeldRowResolver
{
    public const string FileName = "held rows resolved at refresh";

    private readonly IHeldRowStore _store;
    private readonly ArrangementValidator _validator;
    private readonly ISubmissionLoader _loader;
    private readonly TimeProvider _clock;
    private readonly ILogger<HeldRowResolver> _logger;

    public HeldRowResolver(IHeldRowStore store, ArrangementValidator validator, ISubmissionLoader loader, TimeProvider clock, ILogger<HeldRowResolver> logger)
    {
        _store = store;
        _validator = validator;
        _loader = loader;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>
    /// Re-resolves every held row. A failure is logged and returned, not thrown: a row that cannot load must not stop
    /// the extracts from publishing, and the next refresh tries again.
    /// </summary>
    public async Task<HeldRowResolution> ResolveAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await ResolveCoreAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(ex);
            return HeldRowResolution.None with { Error = ex.Message };
        }
    }

    private async Task<HeldRowResolution> ResolveCoreAsync(CancellationToken cancellationToken)
    {
        var held = await _store.ListHeldAsync(cancellationToken);
        if (held.Count == 0)
        {
            return HeldRowResolution.None;
        }

        var records = new List<ArrangementRecord>();
        var releases = new List<HeldRowRelease>();
        var stillHeld = 0;
        // Oldest first, so that when two held rows are the same arrangement the newer one is the version that stays.
        var ordered = held.OrderBy(h => h.ReceivedAt).ThenBy(h => h.Id).ToList();
        // Validated on every core, verdicts kept in that order: each row is matched on its own (the matcher is made for
        // concurrent use), and a refresh with thousands held spent seconds here on one core while the other idled.
        List<RowVerdict> verdicts;
        try
        {
            verdicts = ordered.AsParallel().AsOrdered().WithCancellation(cancellationToken).Select(h => _validator.Validate(ToRow(h.Row), _validator.CouncilOf(h.SubmittingCouncil))).ToList();
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count > 0)
        {
            // The first failure as itself, so the log and the run record say what went wrong, as before.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(ex.InnerExceptions[0]);
            throw;
        }

        for (var i = 0; i < ordered.Count; i++)
        {
            var stored = ordered[i];
            var verdict = verdicts[i];
            switch (verdict.Outcome)
            {
                case RowOutcome.Accepted:
                    records.Add(verdict.Record!);
                    releases.Add(new HeldRowRelease(stored.Id, Loaded: true));
                    break;
                case RowOutcome.Rejected:
                    releases.Add(new HeldRowRelease(stored.Id, Loaded: false, Reason(verdict.Problems)));
                    break;
                default:
                    stillHeld++;
                    break;
            }
        }

        if (releases.Count == 0)
        {
            await _store.RefreshReviewNamesAsync(cancellationToken);
            return new HeldRowResolution(0, 0, stillHeld);
        }

        // Named by the rows it settles: a second refresh racing this one with the same rows is a duplicate, not a second load.
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("held-rows|" + string.Join(',', releases.Select(r => r.HeldRowId).Order()))));
        var now = _clock.GetUtcNow();
        var rejected = releases.Count(r => !r.Loaded);
        var batch = new SubmissionBatch($"held-{now.UtcDateTime:yyyyMMdd}-{sha256[..12]}", FileName, sha256, now, null, releases.Count, rejected, records, [])
        {
            ReleasedHeldRows = releases,
        };
        var load = await _loader.LoadAsync(batch, cancellationToken);
        var resolution = new HeldRowResolution(records.Count, rejected, stillHeld, load.DuplicateOf ?? batch.SubmissionId);
        LogResolved(resolution.Loaded, resolution.Rejected, resolution.StillHeld, resolution.SubmissionId!);
        return resolution;
    }

    // A held row comes back as a one-row sheet whose header is the template's names for the columns it had.
    private static SubmissionRow ToRow(HeldRow held)
    {
        var columns = held.Values
            .Select(v => (Ok: Enum.TryParse<TemplateColumn>(v.Key, out var c), Column: c, Text: v.Value))
            .Where(v => v.Ok)
            .ToList();
        var layout = new SheetLayout(held.Sheet, 0, [.. columns.Select(c => TemplateColumns.DisplayName(c.Column))]);
        for (var i = 0; i < columns.Count; i++)
        {
            layout.Add(i, columns[i].Column);
        }

        var row = new SubmissionRow(layout, held.RowNumber, [.. columns.Select(c => (object?)c.Text)]);
        foreach (var (column, _, text) in columns.Select(c => (c.Column, c.Ok, c.Text)))
        {
            row[column] = text;
        }

        row.WidePartners.AddRange(held.WidePartners.Select(p => new WidePartner(p.Name, p.Tier, "Partners", null)));
        return row;
    }

    private static string Reason(IEnumerable<SubmissionProblem> problems) =>
        string.Join(" ", problems.Where(p => p.Severity == ProblemSeverity.RowError).Select(p => p.Message));

    [LoggerMessage(Level = LogLevel.Information, Message = "Held rows re-resolved: {Loaded} loaded, {Rejected} rejected, {StillHeld} still held (submission {SubmissionId})")]
    private partial void LogResolved(int loaded, int rejected, int stillHeld, string submissionId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Held rows could not be re-resolved; they stay held and the next refresh tries again")]
    private partial void LogFailed(Exception exception);
}
