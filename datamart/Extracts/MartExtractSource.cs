using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SharedServicesPipeline.Publishing;

namespace SharedServicesPipeline.DataMart.Extracts;

/// <summary>Serves the extract contract (version 1) from the mart: one table per dimension, fact and bridge, the history, the review list and the council comparison.</summary>
public sealed class MartExtractSource : IExtractSource
{
    private readonly MartDbContext _db;
    private readonly IServiceScopeFactory? _scopes;

    /// <summary>Reads every table over <paramref name="db"/>, one after another.</summary>
    public MartExtractSource(MartDbContext db) => _db = db;

    /// <summary>Reads the tables side by side, each over a context of its own from <paramref name="scopes"/> (as the host composes it).</summary>
    public MartExtractSource(MartDbContext db, IServiceScopeFactory scopes)
    {
        _db = db;
        _scopes = scopes;
    }

    public async Task<string?> ReadWatermarkAsync(CancellationToken cancellationToken)
    {
        var ids = await _db.Submissions.AsNoTracking().Where(s => s.SubmissionKey > 0)
            .OrderByDescending(s => s.SubmissionKey).Select(s => s.SubmissionId).Take(1).ToListAsync(cancellationToken);
        return ids.FirstOrDefault();
    }

    public async Task<IReadOnlyList<ExtractTable>> ReadTablesAsync(CancellationToken cancellationToken)
    {
        Func<MartDbContext, CancellationToken, Task<ExtractTable>>[] tables =
            [AuthoritiesAsync, ServiceAreasAsync, DatesAsync, SubmissionsAsync, ArrangementsAsync, PartnersAsync, HistoryAsync, ReviewNamesAsync,
             CouncilComparisonExtracts.NeighboursAsync, CouncilComparisonExtracts.PeersAsync, CouncilComparisonExtracts.OpportunitiesAsync];
        if (_scopes is null)
        {
            var read = new List<ExtractTable>(tables.Length);
            foreach (var table in tables)
            {
                read.Add(await table(_db, cancellationToken));
            }

            return read;
        }

        // Side by side, each on its own connection: a 100k mart's tables took seconds to read one after another while
        // the other core idled. Each table is its own query either way (no snapshot spans them), so nothing is lost.
        return await Task.WhenAll(tables.Select(table => Task.Run(async () =>
        {
            await using var scope = _scopes.CreateAsyncScope();
            return await table(scope.ServiceProvider.GetRequiredService<MartDbContext>(), cancellationToken);
        }, cancellationToken)));
    }

    private static async Task<ExtractTable> AuthoritiesAsync(MartDbContext db, CancellationToken ct)
    {
        var rows = await db.Authorities.AsNoTracking().OrderBy(a => a.AuthorityKey).ToListAsync(ct);
        return Table("dim_authority", rows,
            ("authority_key", typeof(int), a => a.AuthorityKey),
            ("authority_code", typeof(string), a => a.AuthorityCode),
            ("name", typeof(string), a => a.Name),
            ("short_name", typeof(string), a => a.ShortName),
            ("authority_type", typeof(string), a => a.AuthorityType),
            ("tier_level", typeof(string), a => a.TierLevel),
            ("sector", typeof(string), a => a.Sector),
            ("parent_code", typeof(string), a => a.ParentCode),
            ("region", typeof(string), a => a.Region),
            ("nation", typeof(string), a => a.Nation),
            ("latitude", typeof(double?), a => a.Latitude),
            ("longitude", typeof(double?), a => a.Longitude),
            ("existed_from", typeof(DateOnly?), a => a.ExistedFrom),
            ("existed_to", typeof(DateOnly?), a => a.ExistedTo),
            ("valid_from", typeof(DateOnly), a => a.ValidFrom),
            ("valid_to", typeof(DateOnly?), a => a.ValidTo),
            ("is_current", typeof(bool), a => a.IsCurrent));
    }

    private static async Task<ExtractTable> ServiceAreasAsync(MartDbContext db, CancellationToken ct)
    {
        var rows = await db.ServiceAreas.AsNoTracking().OrderBy(s => s.ServiceAreaKey).ToListAsync(ct);
        return Table("dim_service_area", rows,
            ("service_area_key", typeof(int), s => s.ServiceAreaKey),
            ("service_area", typeof(string), s => s.ServiceArea),
            ("category", typeof(string), s => s.Category));
    }

    private static async Task<ExtractTable> DatesAsync(MartDbContext db, CancellationToken ct)
    {
        var rows = await db.Dates.AsNoTracking().OrderBy(d => d.DateKey).ToListAsync(ct);
        return Table("dim_date", rows,
            ("date_key", typeof(int), d => d.DateKey),
            ("date", typeof(DateOnly), d => d.Date),
            ("year", typeof(int), d => d.Year),
            ("quarter", typeof(int), d => d.Quarter),
            ("month", typeof(int), d => d.Month),
            ("month_name", typeof(string), d => d.MonthName),
            ("financial_year", typeof(string), d => d.FinancialYear),
            ("financial_year_start", typeof(int), d => d.FinancialYearStart));
    }

    private static async Task<ExtractTable> SubmissionsAsync(MartDbContext db, CancellationToken ct)
    {
        var rows = await db.Submissions.AsNoTracking().OrderBy(s => s.SubmissionKey).ToListAsync(ct);
        return Table("dim_submission", rows,
            ("submission_key", typeof(int), s => s.SubmissionKey),
            ("submission_id", typeof(string), s => s.SubmissionId),
            ("file_name", typeof(string), s => s.FileName),
            ("sha256", typeof(string), s => s.Sha256),
            ("received_at", typeof(DateTimeOffset), s => s.ReceivedAt),
            ("rows_read", typeof(int), s => s.RowsRead),
            ("rows_accepted", typeof(int), s => s.RowsAccepted),
            ("rows_rejected", typeof(int), s => s.RowsRejected),
            ("rows_held", typeof(int), s => s.RowsHeld),
            ("pipeline_version", typeof(string), s => s.PipelineVersion),
            // The council whose folder (incoming/<GSS code>/) the file came from; empty for the programme team's.
            ("submitting_council", typeof(string), s => s.SubmittingCouncil),
            // What the return says of itself above its header (never its contact lines, which are not kept).
            ("return_authority", typeof(string), s => s.ReturnAuthority),
            ("return_authority_code", typeof(string), s => s.ReturnAuthorityCode),
            ("return_period", typeof(string), s => s.ReturnPeriod));
    }

    private static async Task<ExtractTable> ArrangementsAsync(MartDbContext db, CancellationToken ct)
    {
        var rows = await db.Arrangements.AsNoTracking().OrderBy(a => a.ArrangementKey).ToListAsync(ct);
        return Table("fact_arrangement", rows,
            ("arrangement_key", typeof(int), a => a.ArrangementKey),
            ("arrangement_id", typeof(string), a => a.ArrangementId),
            ("reference", typeof(string), a => a.Reference),
            ("title", typeof(string), a => a.Title),
            ("description", typeof(string), a => a.Description),
            ("service_area_key", typeof(int), a => a.ServiceAreaKey),
            ("category", typeof(string), a => a.Category),
            ("profile_key", typeof(int), a => a.ProfileKey),
            ("start_date_key", typeof(int), a => a.StartDateKey),
            ("start_date_is_approximate", typeof(bool), a => a.StartDateIsApproximate),
            ("end_date_key", typeof(int), a => a.EndDateKey),
            ("status", typeof(string), a => a.Status),
            ("governance", typeof(string), a => a.Governance),
            ("delivery_model", typeof(string), a => a.DeliveryModel),
            ("annual_savings_gbp", typeof(decimal?), a => a.AnnualSavingsGbp),
            ("savings_to_date_gbp", typeof(decimal?), a => a.SavingsToDateGbp),
            ("partner_count", typeof(int), a => a.PartnerCount),
            ("council_count", typeof(int), a => a.CouncilCount),
            ("is_cross_tier", typeof(bool), a => a.IsCrossTier),
            ("is_cross_sector", typeof(bool), a => a.IsCrossSector),
            ("max_partner_distance_km", typeof(double?), a => a.MaxPartnerDistanceKm),
            ("lead_authority_key", typeof(int), a => a.LeadAuthorityKey),
            ("submission_key", typeof(int), a => a.SubmissionKey),
            ("version", typeof(int), a => a.Version));
    }

    private static async Task<ExtractTable> PartnersAsync(MartDbContext db, CancellationToken ct)
    {
        var rows = await db.ArrangementPartners.AsNoTracking().OrderBy(p => p.ArrangementKey).ThenBy(p => p.AuthorityKey).ToListAsync(ct);
        return Table("bridge_arrangement_partner", rows,
            ("arrangement_key", typeof(int), p => p.ArrangementKey),
            ("authority_key", typeof(int), p => p.AuthorityKey),
            ("is_lead", typeof(bool), p => p.IsLead));
    }

    private static async Task<ExtractTable> HistoryAsync(MartDbContext db, CancellationToken ct)
    {
        var rows = await db.ArrangementHistory.AsNoTracking().OrderBy(h => h.HistoryKey).ToListAsync(ct);
        return Table("fact_arrangement_history", rows,
            ("history_key", typeof(int), h => h.HistoryKey),
            ("arrangement_key", typeof(int), h => h.ArrangementKey),
            ("version", typeof(int), h => h.Version),
            ("submission_key", typeof(int), h => h.SubmissionKey),
            ("title", typeof(string), h => h.Title),
            ("service_area_key", typeof(int), h => h.ServiceAreaKey),
            ("category", typeof(string), h => h.Category),
            ("profile_key", typeof(int), h => h.ProfileKey),
            ("start_date_key", typeof(int), h => h.StartDateKey),
            ("end_date_key", typeof(int), h => h.EndDateKey),
            ("lead_authority_key", typeof(int), h => h.LeadAuthorityKey),
            ("status", typeof(string), h => h.Status),
            ("annual_savings_gbp", typeof(decimal?), h => h.AnnualSavingsGbp),
            ("savings_to_date_gbp", typeof(decimal?), h => h.SavingsToDateGbp),
            ("partner_count", typeof(int), h => h.PartnerCount),
            ("council_count", typeof(int), h => h.CouncilCount),
            ("recorded_at", typeof(DateTimeOffset), h => h.RecordedAt));
    }

    private static async Task<ExtractTable> ReviewNamesAsync(MartDbContext db, CancellationToken ct)
    {
        var rows = await db.ReviewNames.AsNoTracking().OrderBy(r => r.ReviewNameKey).ToListAsync(ct);
        return Table("review_names", rows,
            ("name", typeof(string), r => r.Name),
            ("name_key", typeof(string), r => r.NameKey),
            ("status", typeof(string), r => r.Status),
            ("occurrences", typeof(int), r => r.Occurrences),
            ("first_seen_at", typeof(DateTimeOffset), r => r.FirstSeenAt),
            ("last_seen_at", typeof(DateTimeOffset), r => r.LastSeenAt),
            ("candidates", typeof(string), r => CandidatesText(r)),
            ("candidate_1_code", typeof(string), r => r.Candidate1Code),
            ("candidate_1_name", typeof(string), r => r.Candidate1Name),
            ("candidate_1_score", typeof(double?), r => r.Candidate1Score),
            ("candidate_2_code", typeof(string), r => r.Candidate2Code),
            ("candidate_2_name", typeof(string), r => r.Candidate2Name),
            ("candidate_2_score", typeof(double?), r => r.Candidate2Score),
            ("candidate_3_code", typeof(string), r => r.Candidate3Code),
            ("candidate_3_name", typeof(string), r => r.Candidate3Name),
            ("candidate_3_score", typeof(double?), r => r.Candidate3Score),
            ("resolved_at", typeof(DateTimeOffset?), r => r.ResolvedAt));
    }

    // "Kingston upon Thames (E09000021) 0.91; Kingston upon Hull (E06000010) 0.88": the list as a person reads it.
    private static string? CandidatesText(Entities.ReviewName r)
    {
        var parts = new[] { (r.Candidate1Code, r.Candidate1Name, r.Candidate1Score), (r.Candidate2Code, r.Candidate2Name, r.Candidate2Score), (r.Candidate3Code, r.Candidate3Name, r.Candidate3Score) }
            .Where(c => c.Item1 is not null)
            .Select(c => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{c.Item2} ({c.Item1}) {c.Item3:0.###}"))
            .ToList();
        return parts.Count == 0 ? null : string.Join("; ", parts);
    }

    internal static ExtractTable Table<T>(string name, IReadOnlyList<T> rows, params (string Name, Type Type, Func<T, object?> Value)[] columns)
    {
        var values = new object?[rows.Count][];
        for (var r = 0; r < values.Length; r++)
        {
            var row = values[r] = new object?[columns.Length];
            for (var c = 0; c < row.Length; c++)
            {
                row[c] = columns[c].Value(rows[r]);
            }
        }

        return new(name, [.. columns.Select(c => new ExtractColumn(c.Name, c.Type))], values);
    }
}
