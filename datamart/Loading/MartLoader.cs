using System.Reflection;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SharedServicesPipeline.DataMart.Entities;
using SharedServicesPipeline.DataMart.Quality;
using SharedServicesPipeline.Pipeline.Loading;
using SharedServicesPipeline.Pipeline.Reference;
using SharedServicesPipeline.Pipeline.Validation;

namespace SharedServicesPipeline.DataMart.Loading;

/// <summary>
/// Loads a submission into the mart in one transaction, set-based: dimensions first, then facts, bridge and history,
/// then the data tests; a failing test rolls everything back. Two loads at once cannot duplicate anything: the natural
/// keys are unique, SQLite's transactions take the write lock at BEGIN (IMMEDIATE), and on SQL Server a load that
/// collides with another on a unique key is run again from the start, when it sees the other's rows.
/// </summary>
public sealed partial class MartLoader : ISubmissionLoader
{
    internal static readonly string PipelineVersion =
        typeof(MartLoader).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    private const int MaxConflictAttempts = 4;
    private const int Chunk = 500;

    private readonly MartDbContext _db;
    private readonly IAuthorityMatcher _matcher;
    private readonly TimeProvider _clock;
    private readonly ILogger<MartLoader> _logger;
    private readonly int _slice;

    public MartLoader(MartDbContext db, IAuthorityMatcher matcher, TimeProvider clock, IOptions<MartOptions> options, ILogger<MartLoader> logger)
    {
        _slice = Math.Max(1, options.Value.LoadSliceRows);
        _db = db;
        _matcher = matcher;
        _clock = clock;
        _logger = logger;
    }

    public async Task<PriorSubmission?> FindBySha256Async(string sha256, CancellationToken cancellationToken) =>
        await _db.Submissions.AsNoTracking()
            .Where(s => s.Sha256 == sha256)
            .Select(s => new PriorSubmission(s.SubmissionId, s.FileName, s.ReceivedAt, s.RowsRead, s.RowsAccepted, s.RowsRejected, s.RowsHeld))
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<LoadResult> LoadAsync(SubmissionBatch batch, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await LoadOnceAsync(batch, cancellationToken);
            }
            catch (Exception ex) when (UniqueViolation.Is(ex))
            {
                _db.ChangeTracker.Clear();
                // The same bytes, loaded by another worker since the ingestor looked: a duplicate, not a fault.
                if (await FindBySha256Async(batch.Sha256, cancellationToken) is { } prior)
                {
                    LogDuplicateRace(batch.SubmissionId, prior.SubmissionId);
                    return new LoadResult(0, 0, 0) { DuplicateOf = prior.SubmissionId };
                }

                if (attempt == MaxConflictAttempts)
                {
                    throw;
                }

                LogConflict(batch.SubmissionId, attempt);
            }
        }
    }

    private Task<LoadResult> LoadOnceAsync(SubmissionBatch batch, CancellationToken cancellationToken) =>
        // On SQL Server the strategy retries transient faults; it runs the whole transaction again, never half of it.
        _db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            _db.ChangeTracker.Clear();
            await using var transaction = await _db.Database.BeginTransactionAsync(ct);
            var (result, submissionKey) = await LoadCoreAsync(batch, ct);
            var failures = await MartDataTests.RunAsync(_db, submissionKey, ct);
            if (failures.Count > 0)
            {
                LogDataTestsFailed(batch.SubmissionId, string.Join("; ", failures));
                throw new MartDataTestException(batch.SubmissionId, failures);
            }

            await transaction.CommitAsync(ct);
            return result;
        }, cancellationToken);

    private async Task<(LoadResult Result, int SubmissionKey)> LoadCoreAsync(SubmissionBatch batch, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        var submission = new DimSubmission
        {
            SubmissionId = batch.SubmissionId,
            FileName = batch.FileName,
            Sha256 = batch.Sha256,
            ReceivedAt = batch.ReceivedAt,
            Submitter = batch.Submitter,
            RowsRead = batch.RowsRead,
            RowsAccepted = batch.Arrangements.Count,
            RowsRejected = batch.RowsRejected,
            RowsHeld = batch.Held.Count,
            PipelineVersion = PipelineVersion,
            LoadedAt = now,
        };
        _db.Submissions.Add(submission);

        var authorities = await AuthorityDimension.LoadAsync(_db, cancellationToken);
        authorities.Sync(_db, batch.Arrangements.SelectMany(a => a.Partners).DistinctBy(a => a.Code), DateOnly.FromDateTime(now.UtcDateTime));
        var serviceAreas = await EnsureServiceAreasAsync(batch.Arrangements, cancellationToken);
        var profiles = await EnsureProfilesAsync(batch.Arrangements, cancellationToken);
        var dates = batch.Arrangements.SelectMany(a => new[] { a.StartDate, a.EndDate }).OfType<DateOnly>().ToList();
        if (dates.Count > 0)
        {
            await DateDimension.EnsureCoversAsync(_db, dates.Min(), dates.Max(), cancellationToken);
        }

        // Dimension members (and the submission) first: their keys are what the facts point at.
        await _db.SaveChangesAsync(cancellationToken);

        // The last row for an arrangement wins when a file lists it twice.
        var records = batch.Arrangements
            .Select(r => (Record: r, Key: ArrangementIdentity.KeyOf(r)))
            .GroupBy(x => x.Key, StringComparer.Ordinal)
            .Select(g => g.Last())
            .ToList();

        await ReleaseHeldRowsAsync(batch.ReleasedHeldRows, submission, now, cancellationToken);
        await new BulkInserter<HeldRowEntity>(_db).InsertAsync(
            [
                .. batch.Held.Select(held => new HeldRowEntity
                {
                    SubmissionKey = submission.SubmissionKey,
                    Sheet = held.Sheet,
                    RowNumber = held.RowNumber,
                    ValuesJson = JsonSerializer.Serialize(new HeldRowPayload(held.Values, held.WidePartners.Select(p => new[] { p.Name, p.Tier }).ToList())),
                    UnresolvedNames = string.Join('\n', held.UnresolvedNames),
                    State = HeldRowStates.Held,
                    HeldAt = now,
                }),
            ],
            cancellationToken);

        // Slice by slice, so a 100k-row file never holds all its facts, bridge and history rows at once.
        int added = 0, updated = 0, unchanged = 0;
        var lastKey = 0;
        var factInserter = new BulkInserter<FactArrangement>(_db);
        var partnerInserter = new BulkInserter<BridgeArrangementPartner>(_db);
        var historyInserter = new BulkInserter<FactArrangementHistory>(_db);
        foreach (var slice in records.Chunk(_slice))
        {
            var existing = await LoadExistingAsync([.. slice.Select(r => r.Key)], cancellationToken);
            var changed = new List<FactArrangement>();
            var fresh = new List<FactArrangement>();
            foreach (var (record, key) in slice)
            {
                var hash = ArrangementIdentity.ContentHashOf(record);
                if (existing.TryGetValue(key, out var fact))
                {
                    if (fact.ContentHash == hash)
                    {
                        unchanged++;
                        continue;
                    }

                    Apply(fact, record, hash, submission, serviceAreas, profiles, authorities);
                    fact.Version++;
                    updated++;
                }
                else
                {
                    // New facts are not tracked: they go in set-based below, with their bridge rows.
                    fact = new FactArrangement
                    {
                        ArrangementId = ArrangementIdentity.IdOf(key),
                        IdentityKey = key,
                        Title = record.Title,
                        Category = record.Category,
                        ContentHash = hash,
                        Version = 1,
                        FirstSubmissionKey = submission.SubmissionKey,
                    };
                    Apply(fact, record, hash, submission, serviceAreas, profiles, authorities);
                    fresh.Add(fact);
                    added++;
                }

                changed.Add(fact);
            }

            await _db.SaveChangesAsync(cancellationToken); // the slice's changed facts, tracked
            await factInserter.InsertAsync(fresh, cancellationToken);
            lastKey = await AssignNewKeysAsync(fresh, submission.SubmissionKey, lastKey, cancellationToken);
            await partnerInserter.InsertAsync([.. fresh.SelectMany(f => f.Partners)], cancellationToken);
            await historyInserter.InsertAsync([.. changed.Select(fact => HistoryOf(fact, submission.SubmissionKey, now))], cancellationToken);
        }

        if (batch.Held.Count > 0 || batch.ReleasedHeldRows.Count > 0)
        {
            // A batch of re-resolved rows follows an alias change: every open name is matched again. Otherwise only
            // the new names are counted in, whatever the size of the backlog.
            if (batch.ReleasedHeldRows.Count > 0)
            {
                await ReviewNameList.SyncAsync(_db, _matcher, now, cancellationToken);
            }
            else
            {
                await ReviewNameList.AddAsync(_db, _matcher, batch.Held.SelectMany(h => h.UnresolvedNames), now, cancellationToken);
            }
        }

        await _db.SaveChangesAsync(cancellationToken);
        LogLoaded(batch.SubmissionId, added, updated, unchanged, batch.Held.Count);
        return (new LoadResult(added, updated, unchanged), submission.SubmissionKey);
    }

    // The keys the database gave a slice's new facts; their bridge rows point at them. They are exactly the facts whose
    // first submission is this one with keys above the previous slice's (identity values only grow), one range read.
    private async Task<int> AssignNewKeysAsync(List<FactArrangement> fresh, int submissionKey, int afterKey, CancellationToken cancellationToken)
    {
        if (fresh.Count == 0)
        {
            return afterKey;
        }

        var keys = await _db.Arrangements.AsNoTracking()
            .Where(a => a.FirstSubmissionKey == submissionKey && a.ArrangementKey > afterKey)
            .Select(a => new { a.IdentityKey, a.ArrangementKey })
            .ToDictionaryAsync(a => a.IdentityKey, a => a.ArrangementKey, StringComparer.Ordinal, cancellationToken);
        foreach (var fact in fresh)
        {
            fact.ArrangementKey = keys[fact.IdentityKey];
            foreach (var partner in fact.Partners)
            {
                partner.ArrangementKey = fact.ArrangementKey;
            }
        }

        return keys.Values.Max();
    }

    private static FactArrangementHistory HistoryOf(FactArrangement fact, int submissionKey, DateTimeOffset now) => new()
    {
        ArrangementKey = fact.ArrangementKey,
        Version = fact.Version,
        SubmissionKey = submissionKey,
        Title = fact.Title,
        ServiceAreaKey = fact.ServiceAreaKey,
        Category = fact.Category,
        ProfileKey = fact.ProfileKey,
        StartDateKey = fact.StartDateKey,
        EndDateKey = fact.EndDateKey,
        LeadAuthorityKey = fact.LeadAuthorityKey,
        Status = fact.Status,
        AnnualSavingsGbp = fact.AnnualSavingsGbp,
        SavingsToDateGbp = fact.SavingsToDateGbp,
        PartnerCount = fact.PartnerCount,
        CouncilCount = fact.CouncilCount,
        ContentHash = fact.ContentHash,
        RecordedAt = now,
    };

    private static void Apply(
        FactArrangement fact,
        ArrangementRecord record,
        string hash,
        DimSubmission submission,
        Dictionary<string, DimServiceArea> serviceAreas,
        Dictionary<(string, string, string), DimArrangementProfile> profiles,
        AuthorityDimension authorities)
    {
        // Each partner as it was on the arrangement's start date (SCD2 as-of); the measures come from those same versions.
        var partners = record.Partners
            .Select(p => authorities.Find(p.Code, record.StartDate)
                ?? throw new InvalidOperationException($"Authority {p.Code} was not added to dim_authority before the load."))
            .DistinctBy(v => v.AuthorityKey)
            .ToList();
        var lead = record.Lead is null ? null : partners.FirstOrDefault(p => p.AuthorityCode.Equals(record.Lead.Code, StringComparison.OrdinalIgnoreCase));

        fact.Reference = record.Reference;
        fact.Title = record.Title;
        fact.Description = record.Description;
        fact.ServiceAreaKey = serviceAreas[record.ServiceArea.Name].ServiceAreaKey;
        fact.Category = record.Category;
        fact.ProfileKey = profiles[ProfileKeyOf(record)].ProfileKey;
        fact.StartDateKey = DateDimension.KeyOf(record.StartDate);
        fact.StartDateIsApproximate = record.StartDateIsApproximate;
        fact.EndDateKey = DateDimension.KeyOf(record.EndDate);
        fact.Status = record.Status;
        fact.Governance = Truncate(record.Governance);
        fact.DeliveryModel = Truncate(record.DeliveryModel);
        fact.AnnualSavingsGbp = record.AnnualSavings;
        fact.SavingsToDateGbp = record.SavingsToDate;
        fact.PartnerCount = partners.Count;
        fact.CouncilCount = ArrangementMeasures.CouncilCount(partners);
        fact.IsCrossTier = ArrangementMeasures.IsCrossTier(partners);
        fact.IsCrossSector = ArrangementMeasures.IsCrossSector(partners);
        fact.MaxPartnerDistanceKm = ArrangementMeasures.MaxDistanceKm(partners);
        fact.LeadAuthorityKey = lead?.AuthorityKey ?? UnknownMembers.Key;
        fact.SubmissionKey = submission.SubmissionKey;
        fact.ContentHash = hash;

        // Change the bridge row by row rather than replace it, so an unchanged partner is not deleted and inserted again.
        var wanted = partners.ToDictionary(p => p.AuthorityKey, p => p.AuthorityKey == fact.LeadAuthorityKey);
        fact.Partners.RemoveAll(p => !wanted.ContainsKey(p.AuthorityKey));
        foreach (var (authorityKey, isLead) in wanted)
        {
            if (fact.Partners.Find(p => p.AuthorityKey == authorityKey) is { } row)
            {
                row.IsLead = isLead;
            }
            else
            {
                fact.Partners.Add(new BridgeArrangementPartner { AuthorityKey = authorityKey, IsLead = isLead });
            }
        }
    }

    private async Task ReleaseHeldRowsAsync(IReadOnlyList<HeldRowRelease> releases, DimSubmission submission, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var chunk in releases.Chunk(Chunk))
        {
            var byId = chunk.ToDictionary(r => r.HeldRowId);
            var ids = byId.Keys.ToList();
            // Only rows still held: a refresh racing this one may have settled some already.
            var rows = await _db.HeldRows.Where(h => ids.Contains(h.HeldRowKey) && h.State == HeldRowStates.Held).ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                var release = byId[row.HeldRowKey];
                row.State = release.Loaded ? HeldRowStates.Loaded : HeldRowStates.Rejected;
                row.Reason = release.Reason is { Length: > 2000 } reason ? reason[..2000] : release.Reason;
                row.ResolvedAt = now;
                row.ResolvedSubmissionKey = submission.SubmissionKey;
            }
        }
    }

    private async Task<Dictionary<string, FactArrangement>> LoadExistingAsync(List<string> keys, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, FactArrangement>(StringComparer.Ordinal);
        foreach (var chunk in keys.Chunk(Chunk))
        {
            var facts = await _db.Arrangements.Include(a => a.Partners).Where(a => chunk.Contains(a.IdentityKey)).ToListAsync(cancellationToken);
            foreach (var fact in facts)
            {
                result[fact.IdentityKey] = fact;
            }
        }

        return result;
    }

    private async Task<Dictionary<string, DimServiceArea>> EnsureServiceAreasAsync(IReadOnlyList<ArrangementRecord> records, CancellationToken cancellationToken)
    {
        var known = await _db.ServiceAreas.ToDictionaryAsync(s => s.ServiceArea, StringComparer.OrdinalIgnoreCase, cancellationToken);
        foreach (var area in records.Select(r => r.ServiceArea).DistinctBy(a => a.Name, StringComparer.OrdinalIgnoreCase))
        {
            if (!known.ContainsKey(area.Name))
            {
                var row = new DimServiceArea { ServiceArea = area.Name, Category = area.Category };
                _db.ServiceAreas.Add(row);
                known[area.Name] = row;
            }
        }

        return known;
    }

    private async Task<Dictionary<(string, string, string), DimArrangementProfile>> EnsureProfilesAsync(IReadOnlyList<ArrangementRecord> records, CancellationToken cancellationToken)
    {
        var known = (await _db.Profiles.ToListAsync(cancellationToken)).ToDictionary(p => (p.Status, p.Governance, p.DeliveryModel));
        foreach (var key in records.Select(ProfileKeyOf).Distinct())
        {
            if (!known.ContainsKey(key))
            {
                var row = new DimArrangementProfile { Status = key.Item1, Governance = key.Item2, DeliveryModel = key.Item3 };
                _db.Profiles.Add(row);
                known[key] = row;
            }
        }

        return known;
    }

    private static (string, string, string) ProfileKeyOf(ArrangementRecord r) =>
        (r.Status ?? "Not stated", Truncate(r.Governance) ?? "Not stated", Truncate(r.DeliveryModel) ?? "Not stated");

    private static string? Truncate(string? text) => text is { Length: > 200 } ? text[..200] : text;

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded submission {SubmissionId}: {Added} added, {Updated} updated, {Unchanged} unchanged, {Held} held")]
    private partial void LogLoaded(string submissionId, int added, int updated, int unchanged, int held);

    [LoggerMessage(Level = LogLevel.Information, Message = "Submission {SubmissionId} was loaded meanwhile by another worker as {PriorSubmissionId}; nothing loaded twice")]
    private partial void LogDuplicateRace(string submissionId, string priorSubmissionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Submission {SubmissionId} collided with a concurrent load on a unique key (attempt {Attempt}); loading it again")]
    private partial void LogConflict(string submissionId, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Submission {SubmissionId} was rolled back: the mart's data tests failed: {Failures}")]
    private partial void LogDataTestsFailed(string submissionId, string failures);
}
