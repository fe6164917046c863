using System.Buffers.Binary;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SharedServicesPipeline.DataMart.Entities;
using SharedServicesPipeline.Pipeline.Loading;
using SharedServicesPipeline.Pipeline.Reference;
using SharedServicesPipeline.Pipeline.Validation;

namespace SharedServicesPipeline.DataMart.Loading;

/// <summary>
/// One submission's load, inside the loader's transaction, slice by slice as the rows are read: dimension members a slice
/// needs first, then its held rows, facts, bridge and history, set-based. Nothing of a slice is kept once it is written
/// but a few bytes per arrangement, so that an arrangement a file lists twice ends as its last row says.
/// </summary>
internal sealed class MartLoad
{
    private const int Chunk = 500;

    private readonly MartDbContext _db;
    private readonly IAuthorityMatcher _matcher;
    private readonly DateTimeOffset _now;
    private readonly int _slice;
    private readonly bool _sqlite;
    private readonly BulkInserter<FactArrangement> _facts;
    private readonly BulkInserter<BridgeArrangementPartner> _partners;
    private readonly BulkInserter<FactArrangementHistory> _history;
    private readonly BulkInserter<HeldRowEntity> _heldRows;
    // What this load did to each arrangement, by the first 64 bits of its identity key: a hint that a later row repeats an
    // earlier one (then confirmed by the full key), not a record of the rows.
    private readonly Dictionary<ulong, Touched> _touched = [];
    private readonly HashSet<string> _heldNames = new(StringComparer.Ordinal);
    // Authorities already compared with the register in this load: each is synced once, not once a slice.
    private readonly HashSet<string> _synced = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<DimAuthority> _partnerBuffer = new(8);
    private (DateOnly From, DateOnly To)? _calendar;
    private DimSubmission _submission = null!;
    private AuthorityDimension _authorities = null!;
    private Dictionary<string, DimServiceArea> _serviceAreas = null!;
    private Dictionary<(string, string, string), DimArrangementProfile> _profiles = null!;
    private int _lastKey;
    private int _added;
    private int _updated;
    private int _unchanged;

    public MartLoad(MartDbContext db, IAuthorityMatcher matcher, DateTimeOffset now, int slice)
    {
        _db = db;
        _matcher = matcher;
        _now = now;
        _slice = slice;
        _sqlite = db.Database.IsSqlite();
        _facts = new BulkInserter<FactArrangement>(db);
        _partners = new BulkInserter<BridgeArrangementPartner>(db);
        _history = new BulkInserter<FactArrangementHistory>(db);
        _heldRows = new BulkInserter<HeldRowEntity>(db);
    }

    private enum Change : byte
    {
        Added,
        Updated,
        Unchanged,
    }

    public int SubmissionKey => _submission.SubmissionKey;

    public async Task BeginAsync(SubmissionBatch batch, CancellationToken cancellationToken)
    {
        // The counts are known once the rows have been read: set at the end.
        _submission = new DimSubmission
        {
            SubmissionId = batch.SubmissionId,
            FileName = batch.FileName,
            Sha256 = batch.Sha256,
            ReceivedAt = batch.ReceivedAt,
            Submitter = batch.Submitter,
            SubmittingCouncil = batch.SubmittingCouncil,
            PipelineVersion = MartLoader.PipelineVersion,
            LoadedAt = _now,
        };
        _db.Submissions.Add(_submission);
        _authorities = await AuthorityDimension.LoadAsync(_db, cancellationToken);
        _serviceAreas = await _db.ServiceAreas.ToDictionaryAsync(s => s.ServiceArea, StringComparer.OrdinalIgnoreCase, cancellationToken);
        _profiles = (await _db.Profiles.ToListAsync(cancellationToken)).ToDictionary(p => (p.Status, p.Governance, p.DeliveryModel));
        await _db.SaveChangesAsync(cancellationToken);
        await ReleaseHeldRowsAsync(batch.ReleasedHeldRows, cancellationToken);
    }

    public async Task AddAsync(RowSlice slice, CancellationToken cancellationToken)
    {
        await EnsureDimensionsAsync(slice.Arrangements, cancellationToken);
        await _heldRows.InsertAsync([.. slice.Held.Select(HeldRowOf)], cancellationToken);
        foreach (var held in slice.Held)
        {
            _heldNames.UnionWith(held.UnresolvedNames);
        }

        // The last row for an arrangement wins when a file lists it twice, in one slice or in two.
        var records = new List<(ArrangementRecord Record, string Key)>(slice.Arrangements.Count);
        var at = new Dictionary<string, int>(slice.Arrangements.Count, StringComparer.Ordinal);
        foreach (var record in slice.Arrangements)
        {
            var key = ArrangementIdentity.KeyOf(record);
            if (at.TryGetValue(key, out var earlier))
            {
                records[earlier] = (record, key); // in the first row's place, as the last row says
            }
            else
            {
                at[key] = records.Count;
                records.Add((record, key));
            }
        }

        foreach (var chunk in records.Chunk(_slice))
        {
            await AddChunkAsync(chunk, cancellationToken);
        }
    }

    public async Task<LoadResult> CompleteAsync(RowTotals totals, IReadOnlyList<HeldRowRelease> releases, CancellationToken cancellationToken)
    {
        _db.Attach(_submission);
        _submission.RowsRead = totals.RowsRead;
        _submission.RowsAccepted = totals.RowsAccepted;
        _submission.RowsRejected = totals.RowsRejected;
        _submission.RowsHeld = totals.RowsHeld;
        // Known once the file has been read (the reader takes no name over 150 characters); contact lines are never here.
        _submission.ReturnAuthority = totals.Return?.Authority;
        _submission.ReturnAuthorityCode = totals.Return?.AuthorityCode;
        _submission.ReturnPeriod = totals.Return?.Period;
        if (totals.RowsHeld > 0 || releases.Count > 0)
        {
            // A batch of re-resolved rows follows an alias change: every open name is matched again. Otherwise only
            // the new names are counted in, whatever the size of the backlog.
            if (releases.Count > 0)
            {
                await ReviewNameList.SyncAsync(_db, _matcher, _now, cancellationToken);
            }
            else
            {
                await ReviewNameList.AddAsync(_db, _matcher, _heldNames, _now, cancellationToken);
            }
        }

        await _db.SaveChangesAsync(cancellationToken);
        return new LoadResult(_added, _updated, _unchanged);
    }

    private async Task EnsureDimensionsAsync(IReadOnlyList<ArrangementRecord> records, CancellationToken cancellationToken)
    {
        var added = _authorities.Sync(_db, records.SelectMany(a => a.Partners).Where(a => _synced.Add(a.Code)), DateOnly.FromDateTime(_now.UtcDateTime));
        foreach (var area in records.Select(r => r.ServiceArea).DistinctBy(a => a.Name, StringComparer.OrdinalIgnoreCase))
        {
            if (!_serviceAreas.ContainsKey(area.Name))
            {
                var row = new DimServiceArea { ServiceArea = area.Name, Category = area.Category };
                _db.ServiceAreas.Add(row);
                _serviceAreas[area.Name] = row;
                added++;
            }
        }

        foreach (var key in records.Select(ProfileKeyOf).Distinct())
        {
            if (!_profiles.ContainsKey(key))
            {
                var row = new DimArrangementProfile { Status = key.Item1, Governance = key.Item2, DeliveryModel = key.Item3 };
                _db.Profiles.Add(row);
                _profiles[key] = row;
                added++;
            }
        }

        // The calendar is read once a load, and again only when a slice's dates fall outside what it already covers.
        DateOnly? first = null, last = null;
        foreach (var record in records)
        {
            foreach (var date in (ReadOnlySpan<DateOnly?>)[record.StartDate, record.EndDate])
            {
                if (date is { } d)
                {
                    first = first is null || d < first ? d : first;
                    last = last is null || d > last ? d : last;
                }
            }
        }

        if (first is { } from && last is { } to && !(_calendar is { } covered && covered.From <= from && to <= covered.To))
        {
            await DateDimension.EnsureCoversAsync(_db, from, to, cancellationToken);
            _calendar = _calendar is { } known ? (from < known.From ? from : known.From, to > known.To ? to : known.To) : (from, to);
        }

        // Dimension members first: their keys are what the facts point at. Only when there are some: each SaveChanges
        // compares every tracked dimension row with its snapshot, and most slices add none.
        if (added > 0)
        {
            await _db.SaveChangesAsync(cancellationToken);
        }
    }

    private async Task AddChunkAsync((ArrangementRecord Record, string Key)[] chunk, CancellationToken cancellationToken)
    {
        var existing = await LoadExistingAsync([.. chunk.Select(r => r.Key)], cancellationToken);
        var repeats = new List<(ArrangementRecord Record, string Key)>();
        var changed = new List<FactArrangement>();
        var fresh = new List<FactArrangement>();
        foreach (var (record, key) in chunk)
        {
            var hash = ArrangementIdentity.ContentHashOf(record);
            if (existing.TryGetValue(key, out var fact))
            {
                if (_touched.TryGetValue(Prefix(key), out var touched) && touched.ArrangementKey == fact.ArrangementKey)
                {
                    repeats.Add((record, key)); // an earlier row of this file wrote it: settled below, once the chunk is in
                    continue;
                }

                if (fact.ContentHash == hash)
                {
                    _unchanged++;
                    _touched[Prefix(key)] = new Touched(fact.ArrangementKey, Change.Unchanged);
                    continue;
                }

                Apply(fact, record, hash);
                fact.Version++;
                _updated++;
                _touched[Prefix(key)] = new Touched(fact.ArrangementKey, Change.Updated);
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
                    FirstSubmissionKey = _submission.SubmissionKey,
                };
                Apply(fact, record, hash);
                fresh.Add(fact);
                _added++;
            }

            changed.Add(fact);
        }

        // The chunk's changed facts, tracked; a chunk of new arrangements tracks none (nothing to compare, nothing to let go).
        var tracked = existing.Count > 0 || repeats.Count > 0;
        if (existing.Count > 0)
        {
            await _db.SaveChangesAsync(cancellationToken);
        }

        await _facts.InsertAsync(fresh, cancellationToken);
        _lastKey = _facts.SetsGeneratedKeys ? PointPartnersAtKeys(fresh, _lastKey) : await AssignNewKeysAsync(fresh, _lastKey, cancellationToken);
        foreach (var fact in fresh)
        {
            _touched[Prefix(fact.IdentityKey)] = new Touched(fact.ArrangementKey, Change.Added);
        }

        await _partners.InsertAsync([.. fresh.SelectMany(f => f.Partners)], cancellationToken);
        await _history.InsertAsync([.. changed.Select(HistoryOf)], cancellationToken);
        foreach (var (record, key) in repeats)
        {
            await ReplaceAsync(record, key, cancellationToken);
        }

        // Written: let go of the chunk's facts, so a big load never holds them all.
        if (tracked)
        {
            foreach (var entry in _db.ChangeTracker.Entries().Where(e => e.Entity is FactArrangement or BridgeArrangementPartner or FactArrangementHistory).ToList())
            {
                entry.State = EntityState.Detached;
            }
        }
    }

    /// <summary>A row repeating an arrangement an earlier row of this file already wrote: the later row wins, as if it were
    /// the only one (one version for the file, counted once).</summary>
    private async Task ReplaceAsync(ArrangementRecord record, string key, CancellationToken cancellationToken)
    {
        var fact = await _db.Arrangements.Include(a => a.Partners).SingleAsync(a => a.IdentityKey == key, cancellationToken);
        var touched = _touched[Prefix(key)];

        var hash = ArrangementIdentity.ContentHashOf(record);
        if (fact.ContentHash == hash)
        {
            return;
        }

        if (touched.Change == Change.Unchanged)
        {
            Apply(fact, record, hash);
            fact.Version++;
            await _db.SaveChangesAsync(cancellationToken);
            await _history.InsertAsync([HistoryOf(fact)], cancellationToken);
            (_unchanged, _updated) = (_unchanged - 1, _updated + 1);
            _touched[Prefix(key)] = touched with { Change = Change.Updated };
            return;
        }

        var written = await _db.ArrangementHistory.SingleAsync(h => h.ArrangementKey == fact.ArrangementKey && h.Version == fact.Version, cancellationToken);
        var before = touched.Change == Change.Updated
            ? await _db.ArrangementHistory.AsNoTracking().SingleAsync(h => h.ArrangementKey == fact.ArrangementKey && h.Version == fact.Version - 1, cancellationToken)
            : null;
        Apply(fact, record, hash);
        if (before is not null && before.ContentHash == hash)
        {
            // Back to what the mart had before this file: no new version after all.
            fact.Version--;
            fact.SubmissionKey = before.SubmissionKey;
            _db.ArrangementHistory.Remove(written);
            (_updated, _unchanged) = (_updated - 1, _unchanged + 1);
            _touched[Prefix(key)] = touched with { Change = Change.Unchanged };
        }
        else
        {
            var values = HistoryOf(fact);
            values.HistoryKey = written.HistoryKey;
            _db.Entry(written).CurrentValues.SetValues(values);
        }

        await _db.SaveChangesAsync(cancellationToken);
    }

    private static ulong Prefix(string identityKey) => ulong.Parse(identityKey.AsSpan(0, 16), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);

    private static int PointPartnersAtKeys(List<FactArrangement> fresh, int afterKey)
    {
        foreach (var fact in fresh)
        {
            foreach (var partner in fact.Partners)
            {
                partner.ArrangementKey = fact.ArrangementKey;
            }

            afterKey = Math.Max(afterKey, fact.ArrangementKey);
        }

        return afterKey;
    }

    // The keys the database gave a chunk's new facts; their bridge rows point at them. They are exactly the facts whose
    // first submission is this one with keys above the previous chunk's (identity values only grow), one range read.
    private async Task<int> AssignNewKeysAsync(List<FactArrangement> fresh, int afterKey, CancellationToken cancellationToken)
    {
        if (fresh.Count == 0)
        {
            return afterKey;
        }

        var submissionKey = _submission.SubmissionKey;
        var keys = await _db.Arrangements.AsNoTracking()
            .Where(a => a.ArrangementKey > afterKey && a.FirstSubmissionKey == submissionKey)
            .Select(a => new { a.IdentityKey, a.ArrangementKey })
            .ToDictionaryAsync(a => a.IdentityKey, a => a.ArrangementKey, StringComparer.Ordinal, cancellationToken);
        foreach (var fact in fresh)
        {
            fact.ArrangementKey = keys[fact.IdentityKey];
        }

        PointPartnersAtKeys(fresh, afterKey);
        return keys.Values.Max();
    }

    private FactArrangementHistory HistoryOf(FactArrangement fact) => new()
    {
        ArrangementKey = fact.ArrangementKey,
        Version = fact.Version,
        SubmissionKey = _submission.SubmissionKey,
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
        RecordedAt = _now,
    };

    private HeldRowEntity HeldRowOf(HeldRow held) => new()
    {
        SubmissionKey = _submission.SubmissionKey,
        Sheet = held.Sheet,
        RowNumber = held.RowNumber,
        ValuesJson = JsonSerializer.Serialize(new HeldRowPayload(held.Values, held.WidePartners.Select(p => new[] { p.Name, p.Tier }).ToList())),
        UnresolvedNames = string.Join('\n', held.UnresolvedNames),
        State = HeldRowStates.Held,
        HeldAt = _now,
    };

    private void Apply(FactArrangement fact, ArrangementRecord record, string hash)
    {
        // Each partner as it was on the arrangement's start date (SCD2 as-of); the measures come from those same versions.
        var partners = _partnerBuffer;
        partners.Clear();
        DimAuthority? lead = null;
        foreach (var partner in record.Partners)
        {
            var version = _authorities.Find(partner.Code, record.StartDate)
                ?? throw new InvalidOperationException($"Authority {partner.Code} was not added to dim_authority before the load.");
            if (!Contains(partners, version.AuthorityKey))
            {
                partners.Add(version);
                if (lead is null && record.Lead is { } named && version.AuthorityCode.Equals(named.Code, StringComparison.OrdinalIgnoreCase))
                {
                    lead = version;
                }
            }
        }

        fact.Reference = record.Reference;
        fact.Title = record.Title;
        fact.Description = record.Description;
        fact.ServiceAreaKey = _serviceAreas[record.ServiceArea.Name].ServiceAreaKey;
        fact.Category = record.Category;
        fact.ProfileKey = _profiles[ProfileKeyOf(record)].ProfileKey;
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
        fact.SubmissionKey = _submission.SubmissionKey;
        fact.ContentHash = hash;

        // Change the bridge row by row rather than replace it, so an unchanged partner is not deleted and inserted again.
        if (fact.Partners.Count > 0)
        {
            fact.Partners.RemoveAll(p => !Contains(partners, p.AuthorityKey));
        }

        foreach (var partner in partners)
        {
            var isLead = partner.AuthorityKey == fact.LeadAuthorityKey;
            if (BridgeRowOf(fact, partner.AuthorityKey) is { } row)
            {
                row.IsLead = isLead;
            }
            else
            {
                fact.Partners.Add(new BridgeArrangementPartner { AuthorityKey = partner.AuthorityKey, IsLead = isLead });
            }
        }
    }

    private static bool Contains(List<DimAuthority> partners, int authorityKey)
    {
        foreach (var partner in partners)
        {
            if (partner.AuthorityKey == authorityKey)
            {
                return true;
            }
        }

        return false;
    }

    // A loop, not List.Find with a lambda: a closure per partner of every row loaded.
    private static BridgeArrangementPartner? BridgeRowOf(FactArrangement fact, int authorityKey)
    {
        foreach (var row in fact.Partners)
        {
            if (row.AuthorityKey == authorityKey)
            {
                return row;
            }
        }

        return null;
    }

    private async Task ReleaseHeldRowsAsync(IReadOnlyList<HeldRowRelease> releases, CancellationToken cancellationToken)
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
                row.ResolvedAt = _now;
                row.ResolvedSubmissionKey = _submission.SubmissionKey;
            }
        }

        await _db.SaveChangesAsync(cancellationToken);
    }

    private async Task<Dictionary<string, FactArrangement>> LoadExistingAsync(List<string> keys, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, FactArrangement>(StringComparer.Ordinal);
        using var lookup = _sqlite ? SqliteKeyLookup.For<FactArrangement>(_db, nameof(FactArrangement.IdentityKey)) : null;
        foreach (var chunk in keys.Chunk(Chunk))
        {
            // Which exist first, from the identity index alone: most of a big first load is new, and then nothing more is read.
            var found = lookup is not null
                ? lookup.Existing(chunk)
                : await _db.Arrangements.AsNoTracking().Where(a => chunk.Contains(a.IdentityKey)).Select(a => a.IdentityKey).ToListAsync(cancellationToken);
            if (found.Count == 0)
            {
                continue;
            }

            var facts = await _db.Arrangements.Include(a => a.Partners).Where(a => found.Contains(a.IdentityKey)).ToListAsync(cancellationToken);
            foreach (var fact in facts)
            {
                result[fact.IdentityKey] = fact;
            }
        }

        return result;
    }

    private static (string, string, string) ProfileKeyOf(ArrangementRecord r) =>
        (r.Status ?? "Not stated", Truncate(r.Governance) ?? "Not stated", Truncate(r.DeliveryModel) ?? "Not stated");

    // Governance and delivery model share one size (ArrangementLimits); free text past it is cut, not refused.
    private static string? Truncate(string? text) => text is { Length: > ArrangementLimits.Governance } ? text[..ArrangementLimits.Governance] : text;

    private readonly record struct Touched(int ArrangementKey, Change Change);
}
