using System.Reflection;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SharedServicesPipeline.DataMart.Entities;
using SharedServicesPipeline.Pipeline.Loading;
using SharedServicesPipeline.Pipeline.Validation;

namespace SharedServicesPipeline.DataMart.Loading;

/// <summary>Loads a submission into the mart in one transaction, set-based: dimensions first, then facts, bridge and history.</summary>
public sealed partial class MartLoader : ISubmissionLoader
{
    internal static readonly string PipelineVersion =
        typeof(MartLoader).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    private readonly MartDbContext _db;
    private readonly TimeProvider _clock;
    private readonly ILogger<MartLoader> _logger;

    public MartLoader(MartDbContext db, TimeProvider clock, ILogger<MartLoader> logger)
    {
        _db = db;
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
        var strategy = _db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            _db.ChangeTracker.Clear();
            await using var transaction = await _db.Database.BeginTransactionAsync(ct);
            var result = await LoadCoreAsync(batch, ct);
            await transaction.CommitAsync(ct);
            return result;
        }, cancellationToken);
    }

    private async Task<LoadResult> LoadCoreAsync(SubmissionBatch batch, CancellationToken cancellationToken)
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

        await _db.SaveChangesAsync(cancellationToken);

        // The last row for an arrangement wins when a file lists it twice.
        var records = batch.Arrangements
            .Select(r => (Record: r, Key: ArrangementIdentity.KeyOf(r)))
            .GroupBy(x => x.Key, StringComparer.Ordinal)
            .Select(g => g.Last())
            .ToList();
        var existing = await LoadExistingAsync([.. records.Select(r => r.Key)], cancellationToken);

        int added = 0, updated = 0, unchanged = 0;
        var pendingHistory = new List<(FactArrangement Fact, ArrangementRecord Record)>();
        foreach (var (record, key) in records)
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
                fact = new FactArrangement
                {
                    ArrangementId = ArrangementIdentity.IdOf(key),
                    IdentityKey = key,
                    Title = record.Title,
                    ContentHash = hash,
                    Version = 1,
                    FirstSubmissionKey = submission.SubmissionKey,
                };
                Apply(fact, record, hash, submission, serviceAreas, profiles, authorities);
                _db.Arrangements.Add(fact);
                added++;
            }

            pendingHistory.Add((fact, record));
        }

        foreach (var held in batch.Held)
        {
            _db.HeldRows.Add(new HeldRowEntity
            {
                SubmissionKey = submission.SubmissionKey,
                Sheet = held.Sheet,
                RowNumber = held.RowNumber,
                ValuesJson = JsonSerializer.Serialize(new HeldRowPayload(held.Values, held.WidePartners.Select(p => new[] { p.Name, p.Tier }).ToList())),
                UnresolvedNames = string.Join('\n', held.UnresolvedNames),
                State = HeldRowStates.Held,
                HeldAt = now,
            });
        }

        await _db.SaveChangesAsync(cancellationToken);

        foreach (var (fact, record) in pendingHistory)
        {
            _db.ArrangementHistory.Add(new FactArrangementHistory
            {
                ArrangementKey = fact.ArrangementKey,
                Version = fact.Version,
                SubmissionKey = submission.SubmissionKey,
                StartDateKey = fact.StartDateKey,
                ServiceAreaKey = fact.ServiceAreaKey,
                Status = fact.Status,
                AnnualSavingsGbp = fact.AnnualSavingsGbp,
                SavingsToDateGbp = fact.SavingsToDateGbp,
                PartnerCount = fact.PartnerCount,
                ContentHash = fact.ContentHash,
                RecordedAt = now,
            });
        }

        await _db.SaveChangesAsync(cancellationToken);
        LogLoaded(batch.SubmissionId, added, updated, unchanged, batch.Held.Count);
        return new LoadResult(added, updated, unchanged);
    }

    private static void Apply(
        FactArrangement fact,
        ArrangementRecord record,
        string hash,
        DimSubmission submission,
        Dictionary<string, DimServiceArea> serviceAreas,
        Dictionary<(string, string, string), DimArrangementProfile> profiles,
        AuthorityDimension authorities)
    {
        fact.Reference = record.Reference;
        fact.Title = record.Title;
        fact.Description = record.Description;
        fact.ServiceAreaKey = serviceAreas[record.ServiceArea.Name].ServiceAreaKey;
        fact.ProfileKey = profiles[ProfileKeyOf(record)].ProfileKey;
        fact.StartDateKey = DateDimension.KeyOf(record.StartDate);
        fact.StartDateIsApproximate = record.StartDateIsApproximate;
        fact.EndDateKey = DateDimension.KeyOf(record.EndDate);
        fact.Status = record.Status;
        fact.Governance = Truncate(record.Governance);
        fact.DeliveryModel = Truncate(record.DeliveryModel);
        fact.AnnualSavingsGbp = record.AnnualSavings;
        fact.SavingsToDateGbp = record.SavingsToDate;
        fact.PartnerCount = record.Partners.Count;
        fact.CouncilCount = record.Partners.Count(p => p.IsCouncil);
        fact.IsCrossTier = ArrangementMeasures.IsCrossTier(record.Partners);
        fact.IsCrossSector = ArrangementMeasures.IsCrossSector(record.Partners);
        fact.MaxPartnerDistanceKm = ArrangementMeasures.MaxDistanceKm(record.Partners);
        fact.SubmissionKey = submission.SubmissionKey;
        fact.ContentHash = hash;

        var lead = record.Lead is null ? null : authorities.Find(record.Lead.Code, record.StartDate);
        fact.LeadAuthorityKey = lead?.AuthorityKey ?? UnknownMembers.Key;
        fact.Partners.Clear();
        foreach (var partner in record.Partners)
        {
            var version = authorities.Find(partner.Code, record.StartDate)
                ?? throw new InvalidOperationException($"Authority {partner.Code} was not added to dim_authority before the load.");
            if (fact.Partners.All(p => p.AuthorityKey != version.AuthorityKey))
            {
                fact.Partners.Add(new BridgeArrangementPartner { AuthorityKey = version.AuthorityKey, IsLead = version.AuthorityKey == lead?.AuthorityKey });
            }
        }

        fact.PartnerCount = fact.Partners.Count;
    }

    private async Task<Dictionary<string, FactArrangement>> LoadExistingAsync(List<string> keys, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, FactArrangement>(StringComparer.Ordinal);
        foreach (var chunk in keys.Chunk(500))
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
}
