using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SharedServicesPipeline.Pipeline.Loading;
using SharedServicesPipeline.Pipeline.Reference;
using SharedServicesPipeline.Pipeline.Validation;

namespace SharedServicesPipeline.DataMart.Loading;

/// <summary>The held rows in held_row, for <see cref="HeldRowResolver"/>; releasing them goes through the loader, in its transaction.</summary>
internal sealed class MartHeldRowStore : IHeldRowStore
{
    private const int MaxConflictAttempts = 3;

    private readonly MartDbContext _db;
    private readonly IAuthorityMatcher _matcher;
    private readonly TimeProvider _clock;

    public MartHeldRowStore(MartDbContext db, IAuthorityMatcher matcher, TimeProvider clock)
    {
        _db = db;
        _matcher = matcher;
        _clock = clock;
    }

    public async Task<IReadOnlyList<StoredHeldRow>> ListHeldAsync(CancellationToken cancellationToken)
    {
        var rows = await (from h in _db.HeldRows.AsNoTracking()
                          join s in _db.Submissions.AsNoTracking() on h.SubmissionKey equals s.SubmissionKey
                          where h.State == HeldRowStates.Held
                          orderby h.HeldRowKey
                          select new { h.HeldRowKey, h.Sheet, h.RowNumber, h.ValuesJson, h.UnresolvedNames, s.SubmissionId, s.ReceivedAt, s.SubmittingCouncil })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r =>
        {
            var payload = JsonSerializer.Deserialize<HeldRowPayload>(r.ValuesJson)
                ?? throw new InvalidOperationException($"held_row {r.HeldRowKey} has no stored values.");
            var held = new HeldRow(r.Sheet, r.RowNumber, payload.Values, [.. payload.WidePartners.Select(p => (p[0] ?? "", p.Length > 1 ? p[1] : null))],
                r.UnresolvedNames.Split('\n', StringSplitOptions.RemoveEmptyEntries), []);
            return new StoredHeldRow(r.HeldRowKey, r.SubmissionId, r.ReceivedAt, held, r.SubmittingCouncil);
        }).OrderBy(r => r.ReceivedAt).ThenBy(r => r.Id)];
    }

    public async Task RefreshReviewNamesAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await _db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
                {
                    _db.ChangeTracker.Clear();
                    await ReviewNameList.SyncAsync(_db, _matcher, _clock.GetUtcNow(), ct);
                    await _db.SaveChangesAsync(ct);
                }, cancellationToken);
                return;
            }
            catch (DbUpdateException ex) when (UniqueViolation.Is(ex) && attempt < MaxConflictAttempts)
            {
                // Another refresh or load added the same name meanwhile: sync again over its rows.
            }
        }
    }
}
