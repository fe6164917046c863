using Microsoft.EntityFrameworkCore;
using SharedServicesPipeline.DataMart.Entities;
using SharedServicesPipeline.Publishing;

namespace SharedServicesPipeline.DataMart.Extracts;

/// <summary>The run record of each refresh in <c>refresh_run</c>: inserted when it starts, completed when it ends.</summary>
public sealed class MartRefreshLog : IRefreshLog
{
    private const int MessageLength = 2000;

    private readonly MartDbContext _db;

    public MartRefreshLog(MartDbContext db) => _db = db;

    public async Task RecordAsync(RefreshOutcome outcome, CancellationToken cancellationToken)
    {
        var row = await _db.RefreshRuns.SingleOrDefaultAsync(r => r.RunId == outcome.RunId, cancellationToken);
        if (row is null)
        {
            row = new RefreshRun { RunId = outcome.RunId, Outcome = outcome.Outcome };
            _db.RefreshRuns.Add(row);
        }

        var message = outcome.Notices.Count == 0 ? outcome.Message : outcome.Message + " " + string.Join(" ", outcome.Notices);
        row.StartedAt = outcome.StartedAt;
        row.EndedAt = outcome.EndedAt;
        row.DurationMs = outcome.DurationMs;
        row.Outcome = outcome.Outcome;
        row.Watermark = outcome.Watermark;
        row.Files = outcome.Files.Count;
        row.Rows = outcome.Rows;
        row.HeldRowsLoaded = outcome.HeldRowsLoaded;
        row.Message = message.Length > MessageLength ? message[..(MessageLength - 1)] + "…" : message;
        await _db.SaveChangesAsync(cancellationToken);
    }
}
