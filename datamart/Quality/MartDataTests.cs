using Microsoft.EntityFrameworkCore;
using SharedServicesPipeline.DataMart.Loading;
using SharedServicesPipeline.Pipeline.Reference;
using SharedServicesPipeline.Pipeline.Validation;

namespace SharedServicesPipeline.DataMart.Quality;

/// <summary>
/// Data tests in the spirit of dbt, run inside each load's transaction before it commits: unique keys, not null,
/// relationships (every key resolves), accepted values, and the mart's own rules (bridge and fact agree, the lead is a
/// partner, SCD2 versions do not overlap, the calendar has no gaps). Each test counts the rows that break it.
/// Fact-level tests cover the facts a load touched (its submission key), so a load's cost stays flat as the mart grows;
/// without a submission key they cover the whole mart.
/// </summary>
public static class MartDataTests
{
    private const int Unknown = UnknownMembers.Key;

    private static readonly string[] Tiers = ["upper", "lower", "single", "other"];
    private static readonly string[] Sectors = [.. Enum.GetNames<Sector>().Select(MartDbContext.SnakeCase)];
    private static readonly string[] AuthorityTypes = [.. Enum.GetNames<AuthorityType>().Select(MartDbContext.SnakeCase), "unknown"];
    private static readonly string[] Categories = [.. ServiceAreaTaxonomy.Categories];
    private static readonly string[] Statuses = [.. ChoiceNormaliser.Statuses];
    private static readonly string[] ProfileStatuses = [.. ChoiceNormaliser.Statuses, "Not stated", "Unknown"];
    private static readonly string[] HeldStates = [HeldRowStates.Held, HeldRowStates.Loaded, HeldRowStates.Rejected];
    private static readonly string[] ReviewStatuses = [ReviewNameList.Open, ReviewNameList.Resolved];

    /// <summary>Runs every test; returns the failures (empty when the mart is sound).</summary>
    public static async Task<IReadOnlyList<DataTestFailure>> RunAsync(MartDbContext db, int? submissionKey, CancellationToken cancellationToken)
    {
        var failures = new List<DataTestFailure>();
        foreach (var (name, test) in Tests(db, submissionKey))
        {
            var failing = await test(cancellationToken);
            if (failing > 0)
            {
                failures.Add(new DataTestFailure(name, failing));
            }
        }

        return failures;
    }

    private static IEnumerable<(string Name, Func<CancellationToken, Task<int>> Test)> Tests(MartDbContext db, int? submissionKey)
    {
        var facts = submissionKey is { } key ? db.Arrangements.Where(f => f.SubmissionKey == key) : db.Arrangements;
        // Driven from the load's facts (a join on the bridge's key), never a scan of the whole bridge.
        var bridge = submissionKey is not null
            ? facts.SelectMany(f => db.ArrangementPartners.Where(p => p.ArrangementKey == f.ArrangementKey))
            : db.ArrangementPartners;
        var held = submissionKey is { } k4 ? db.HeldRows.Where(h => h.SubmissionKey == k4 || h.ResolvedSubmissionKey == k4) : db.HeldRows;
        var history = submissionKey is { } k2 ? db.ArrangementHistory.Where(h => h.SubmissionKey == k2) : db.ArrangementHistory;
        var submissions = submissionKey is { } k3 ? db.Submissions.Where(s => s.SubmissionKey == k3) : db.Submissions;
        var authorities = db.Authorities;

        // Unique keys
        yield return ("unique_dim_authority_code_valid_from", ct => authorities.GroupBy(a => new { a.AuthorityCode, a.ValidFrom }).Where(g => g.Count() > 1).CountAsync(ct));
        yield return ("unique_dim_authority_current_version_per_code", ct => authorities.Where(a => a.IsCurrent).GroupBy(a => a.AuthorityCode).Where(g => g.Count() > 1).CountAsync(ct));
        yield return ("unique_dim_service_area_service_area", ct => db.ServiceAreas.GroupBy(s => s.ServiceArea).Where(g => g.Count() > 1).CountAsync(ct));
        yield return ("unique_dim_arrangement_profile_combination", ct => db.Profiles.GroupBy(p => new { p.Status, p.Governance, p.DeliveryModel }).Where(g => g.Count() > 1).CountAsync(ct));
        yield return ("unique_dim_submission_sha256", ct => submissions.CountAsync(s => db.Submissions.Count(o => o.Sha256 == s.Sha256) > 1, ct));
        yield return ("unique_fact_arrangement_identity_key", ct => facts.CountAsync(f => db.Arrangements.Count(o => o.IdentityKey == f.IdentityKey) > 1, ct));
        yield return ("unique_fact_arrangement_arrangement_id", ct => facts.CountAsync(f => db.Arrangements.Count(o => o.ArrangementId == f.ArrangementId) > 1, ct));
        yield return ("unique_fact_arrangement_history_version", ct => history.CountAsync(h => db.ArrangementHistory.Count(o => o.ArrangementKey == h.ArrangementKey && o.Version == h.Version) > 1, ct));
        yield return ("unique_review_name_name_key", ct => db.ReviewNames.GroupBy(r => r.NameKey).Where(g => g.Count() > 1).CountAsync(ct));

        // Not null (and not blank) where the schema cannot say so
        yield return ("not_null_dim_authority_name", ct => authorities.CountAsync(a => string.IsNullOrWhiteSpace(a.Name) || string.IsNullOrWhiteSpace(a.AuthorityCode), ct));
        yield return ("not_null_fact_arrangement_title", ct => facts.CountAsync(f => string.IsNullOrWhiteSpace(f.Title), ct));
        yield return ("unknown_members_present", ct => CountMissingUnknownMembersAsync(db, ct));

        // Relationships: every key resolves to a dimension row
        yield return ("relationships_fact_arrangement_service_area_key", ct => facts.CountAsync(f => !db.ServiceAreas.Any(s => s.ServiceAreaKey == f.ServiceAreaKey), ct));
        yield return ("relationships_fact_arrangement_profile_key", ct => facts.CountAsync(f => !db.Profiles.Any(p => p.ProfileKey == f.ProfileKey), ct));
        yield return ("relationships_fact_arrangement_start_date_key", ct => facts.CountAsync(f => !db.Dates.Any(d => d.DateKey == f.StartDateKey), ct));
        yield return ("relationships_fact_arrangement_end_date_key", ct => facts.CountAsync(f => !db.Dates.Any(d => d.DateKey == f.EndDateKey), ct));
        yield return ("relationships_fact_arrangement_lead_authority_key", ct => facts.CountAsync(f => !authorities.Any(a => a.AuthorityKey == f.LeadAuthorityKey), ct));
        yield return ("relationships_fact_arrangement_submission_key", ct => facts.CountAsync(f => !db.Submissions.Any(s => s.SubmissionKey == f.SubmissionKey) || !db.Submissions.Any(s => s.SubmissionKey == f.FirstSubmissionKey), ct));
        yield return ("relationships_bridge_arrangement_key", ct => bridge.CountAsync(p => !db.Arrangements.Any(f => f.ArrangementKey == p.ArrangementKey), ct));
        yield return ("relationships_bridge_authority_key", ct => bridge.CountAsync(p => p.AuthorityKey == Unknown || !authorities.Any(a => a.AuthorityKey == p.AuthorityKey), ct));
        yield return ("relationships_history_keys", ct => history.CountAsync(h =>
            !db.Arrangements.Any(f => f.ArrangementKey == h.ArrangementKey) || !db.Submissions.Any(s => s.SubmissionKey == h.SubmissionKey) ||
            !db.ServiceAreas.Any(s => s.ServiceAreaKey == h.ServiceAreaKey) || !db.Profiles.Any(p => p.ProfileKey == h.ProfileKey) ||
            !db.Dates.Any(d => d.DateKey == h.StartDateKey) || !db.Dates.Any(d => d.DateKey == h.EndDateKey) ||
            !authorities.Any(a => a.AuthorityKey == h.LeadAuthorityKey), ct));
        yield return ("relationships_held_row_submission_key", ct => held.CountAsync(h =>
            !db.Submissions.Any(s => s.SubmissionKey == h.SubmissionKey) ||
            (h.State == HeldRowStates.Loaded && (h.ResolvedSubmissionKey == null || !db.Submissions.Any(s => s.SubmissionKey == h.ResolvedSubmissionKey))), ct));

        // Accepted values
        yield return ("accepted_values_dim_authority_tier_level", ct => authorities.CountAsync(a => !Tiers.Contains(a.TierLevel), ct));
        yield return ("accepted_values_dim_authority_sector", ct => authorities.CountAsync(a => !Sectors.Contains(a.Sector), ct));
        yield return ("accepted_values_dim_authority_authority_type", ct => authorities.CountAsync(a => !AuthorityTypes.Contains(a.AuthorityType), ct));
        yield return ("accepted_values_dim_service_area_category", ct => db.ServiceAreas.CountAsync(s => !Categories.Contains(s.Category), ct));
        yield return ("accepted_values_fact_arrangement_category", ct => facts.CountAsync(f => !Categories.Contains(f.Category), ct));
        yield return ("accepted_values_fact_arrangement_status", ct => facts.CountAsync(f => f.Status != null && !Statuses.Contains(f.Status), ct));
        yield return ("accepted_values_dim_arrangement_profile_status", ct => db.Profiles.CountAsync(p => !ProfileStatuses.Contains(p.Status), ct));
        yield return ("accepted_values_held_row_state", ct => held.CountAsync(h => !HeldStates.Contains(h.State), ct));
        yield return ("accepted_values_review_name_status", ct => db.ReviewNames.CountAsync(r => !ReviewStatuses.Contains(r.Status), ct));

        // SCD2: versions of one authority follow one another without overlapping; only the current one is open
        yield return ("scd2_dim_authority_validity", ct => authorities.CountAsync(a =>
            a.IsCurrent ? a.ValidTo != null : (a.ValidTo == null || a.ValidTo < a.ValidFrom), ct));
        yield return ("scd2_dim_authority_no_overlap", ct => authorities.CountAsync(a => authorities.Any(o =>
            o.AuthorityCode == a.AuthorityCode && o.AuthorityKey != a.AuthorityKey && o.ValidFrom >= a.ValidFrom && (a.ValidTo == null || o.ValidFrom <= a.ValidTo)), ct));
        yield return ("scd2_dim_authority_has_current_version", ct => authorities.Select(a => a.AuthorityCode).Distinct()
            .CountAsync(code => !authorities.Any(a => a.AuthorityCode == code && a.IsCurrent), ct));

        // The mart's own rules: the fact and its bridge agree
        yield return ("bridge_partner_count_equals_fact_partner_count", ct => facts.CountAsync(f =>
            db.ArrangementPartners.Count(p => p.ArrangementKey == f.ArrangementKey) != f.PartnerCount, ct));
        yield return ("bridge_council_count_equals_fact_council_count", ct => facts.CountAsync(f =>
            db.ArrangementPartners.Count(p => p.ArrangementKey == f.ArrangementKey && authorities.Any(a => a.AuthorityKey == p.AuthorityKey && a.Sector == ArrangementMeasures.Council)) != f.CouncilCount, ct));
        yield return ("fact_arrangement_has_two_partners_and_a_council", ct => facts.CountAsync(f => f.PartnerCount < 2 || f.CouncilCount < 1 || f.CouncilCount > f.PartnerCount, ct));
        yield return ("fact_arrangement_is_cross_sector_matches_bridge", ct => facts.CountAsync(f => f.IsCrossSector != db.ArrangementPartners.Any(p =>
            p.ArrangementKey == f.ArrangementKey && authorities.Any(a => a.AuthorityKey == p.AuthorityKey && a.Sector != ArrangementMeasures.Council && a.Sector != ArrangementMeasures.CombinedAuthority)), ct));
        yield return ("fact_arrangement_is_cross_tier_matches_bridge", ct => facts.CountAsync(f => f.IsCrossTier != (
            db.ArrangementPartners.Any(p => p.ArrangementKey == f.ArrangementKey && authorities.Any(a => a.AuthorityKey == p.AuthorityKey && a.Sector == ArrangementMeasures.Council && a.TierLevel == "lower")) &&
            db.ArrangementPartners.Any(p => p.ArrangementKey == f.ArrangementKey && authorities.Any(a => a.AuthorityKey == p.AuthorityKey && a.Sector == ArrangementMeasures.Council && (a.TierLevel == "upper" || a.TierLevel == "single")))), ct));
        yield return ("fact_arrangement_lead_is_a_partner_or_unknown", ct => facts.CountAsync(f =>
            db.ArrangementPartners.Count(p => p.ArrangementKey == f.ArrangementKey && p.IsLead) != (f.LeadAuthorityKey == Unknown ? 0 : 1) ||
            (f.LeadAuthorityKey != Unknown && !db.ArrangementPartners.Any(p => p.ArrangementKey == f.ArrangementKey && p.AuthorityKey == f.LeadAuthorityKey && p.IsLead)), ct));
        yield return ("fact_arrangement_end_not_before_start", ct => facts.CountAsync(f => f.StartDateKey != Unknown && f.EndDateKey != Unknown && f.EndDateKey < f.StartDateKey, ct));
        yield return ("fact_arrangement_current_version_in_history", ct => facts.CountAsync(f =>
            !db.ArrangementHistory.Any(h => h.ArrangementKey == f.ArrangementKey && h.Version == f.Version && h.ContentHash == f.ContentHash), ct));
        yield return ("dim_submission_rows_add_up", ct => submissions.CountAsync(s => s.RowsAccepted + s.RowsRejected + s.RowsHeld != s.RowsRead, ct));
        yield return ("dim_date_calendar_has_no_gaps", ct => CountCalendarGapsAsync(db, ct));
    }

    private static async Task<int> CountMissingUnknownMembersAsync(MartDbContext db, CancellationToken ct)
    {
        var missing = 0;
        missing += await db.Authorities.AnyAsync(a => a.AuthorityKey == Unknown, ct) ? 0 : 1;
        missing += await db.ServiceAreas.AnyAsync(s => s.ServiceAreaKey == Unknown, ct) ? 0 : 1;
        missing += await db.Profiles.AnyAsync(p => p.ProfileKey == Unknown, ct) ? 0 : 1;
        missing += await db.Dates.AnyAsync(d => d.DateKey == Unknown, ct) ? 0 : 1;
        missing += await db.Submissions.AnyAsync(s => s.SubmissionKey == Unknown, ct) ? 0 : 1;
        return missing;
    }

    private static async Task<int> CountCalendarGapsAsync(MartDbContext db, CancellationToken ct)
    {
        var days = db.Dates.Where(d => d.DateKey != Unknown);
        var count = await days.CountAsync(ct);
        if (count == 0)
        {
            return 0;
        }

        var first = DateDimension.FromKey(await days.MinAsync(d => d.DateKey, ct));
        var last = DateDimension.FromKey(await days.MaxAsync(d => d.DateKey, ct));
        return (last.DayNumber - first.DayNumber + 1) - count;
    }
}
