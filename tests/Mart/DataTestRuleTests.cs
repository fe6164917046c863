using Microsoft.EntityFrameworkCore;
using SharedServicesPipeline.DataMart;
using SharedServicesPipeline.DataMart.Quality;
using SharedServicesPipeline.Tests.Support;
using static SharedServicesPipeline.Tests.Support.WorkbookBuilder;

namespace SharedServicesPipeline.Tests.Mart;

/// <summary>
/// Every data test, one at a time: a sound mart is broken in the one way the test exists to catch, and the test names
/// the rows. Fact-level tests must also catch it when scoped to the load that wrote the rows (as every load runs them).
/// </summary>
public sealed class DataTestRuleTests : IClassFixture<DataTestRuleTests.SoundMart>
{
    private readonly SoundMart _sound;

    public DataTestRuleTests(SoundMart sound) => _sound = sound;

    /// <summary>(test, SQL that breaks the mart for it, whether a run scoped to the load's submission sees it too).</summary>
    public static TheoryData<string, string, bool> Breakages => new()
    {
        { "unique_dim_authority_code_valid_from", "DROP INDEX IX_dim_authority_authority_code_valid_from; " + CopyOfDover("valid_from", "0", "valid_from"), true },
        { "unique_dim_authority_current_version_per_code", CopyOfDover("'2005-01-01'", "1", "NULL"), true },
        { "unique_dim_service_area_service_area", "DROP INDEX IX_dim_service_area_service_area; INSERT INTO dim_service_area (service_area, category) VALUES ('Legal', 'Back office')", true },
        { "unique_dim_arrangement_profile_combination", "DROP INDEX IX_dim_arrangement_profile_status_governance_delivery_model; " +
            "INSERT INTO dim_arrangement_profile (status, governance, delivery_model) SELECT status, governance, delivery_model FROM dim_arrangement_profile WHERE profile_key = (SELECT MAX(profile_key) FROM dim_arrangement_profile)", true },
        { "unique_dim_submission_sha256", "DROP INDEX IX_dim_submission_sha256; " +
            "INSERT INTO dim_submission (submission_id, file_name, sha256, received_at, rows_read, rows_accepted, rows_rejected, rows_held, pipeline_version, loaded_at) " +
            "SELECT 'copy', file_name, sha256, received_at, rows_read, rows_accepted, rows_rejected, rows_held, pipeline_version, loaded_at FROM dim_submission WHERE submission_key = 1", true },
        { "unique_fact_arrangement_identity_key", "DROP INDEX IX_fact_arrangement_identity_key; UPDATE fact_arrangement SET identity_key = (SELECT identity_key FROM fact_arrangement WHERE reference = 'L-1') WHERE title = 'Shared procurement'", true },
        { "unique_fact_arrangement_arrangement_id", "DROP INDEX IX_fact_arrangement_arrangement_id; UPDATE fact_arrangement SET arrangement_id = (SELECT arrangement_id FROM fact_arrangement WHERE reference = 'L-1') WHERE title = 'Shared procurement'", true },
        { "unique_fact_arrangement_history_version", "DROP INDEX IX_fact_arrangement_history_arrangement_key_version; " +
            "INSERT INTO fact_arrangement_history (arrangement_key, version, submission_key, title, service_area_key, category, profile_key, start_date_key, end_date_key, lead_authority_key, status, partner_count, council_count, content_hash, recorded_at) " +
            "SELECT arrangement_key, version, submission_key, title, service_area_key, category, profile_key, start_date_key, end_date_key, lead_authority_key, status, partner_count, council_count, content_hash, recorded_at FROM fact_arrangement_history WHERE title = 'Shared legal'", true },
        { "unique_review_name_name_key", "DROP INDEX IX_review_name_name_key; " + ReviewName("open") + "; " + ReviewName("open"), true },
        { "not_null_dim_authority_name", "UPDATE dim_authority SET name = '   ' WHERE authority_code = 'E07000108'", true },
        { "not_null_fact_arrangement_title", "UPDATE fact_arrangement SET title = ' ' WHERE reference = 'L-1'", true },
        { "unknown_members_present", "DELETE FROM dim_arrangement_profile WHERE profile_key = -1", true },
        { "relationships_fact_arrangement_service_area_key", "UPDATE fact_arrangement SET service_area_key = 9999 WHERE reference = 'L-1'", true },
        { "relationships_fact_arrangement_profile_key", "UPDATE fact_arrangement SET profile_key = 9999 WHERE reference = 'L-1'", true },
        { "relationships_fact_arrangement_start_date_key", "UPDATE fact_arrangement SET start_date_key = 18000101 WHERE reference = 'L-1'", true },
        { "relationships_fact_arrangement_end_date_key", "UPDATE fact_arrangement SET end_date_key = 29991231 WHERE reference = 'L-1'", true },
        { "relationships_fact_arrangement_lead_authority_key", "UPDATE fact_arrangement SET lead_authority_key = 99999 WHERE reference = 'L-1'", true },
        { "relationships_fact_arrangement_submission_key", "UPDATE fact_arrangement SET first_submission_key = 9999 WHERE reference = 'L-1'", true },
        // A bridge row without its fact is not among the load's facts' rows: only the whole-mart run can see it.
        { "relationships_bridge_arrangement_key", "INSERT INTO bridge_arrangement_partner (arrangement_key, authority_key, is_lead) SELECT 9999, authority_key, 0 FROM dim_authority WHERE authority_code = 'E07000108'", false },
        { "relationships_bridge_authority_key", "UPDATE bridge_arrangement_partner SET authority_key = 99999 WHERE is_lead = 0 AND arrangement_key = (SELECT arrangement_key FROM fact_arrangement WHERE reference = 'L-1')", true },
        { "relationships_history_keys", "UPDATE fact_arrangement_history SET service_area_key = 9999 WHERE title = 'Shared legal'", true },
        { "relationships_held_row_submission_key", HeldRow("loaded", resolvedSubmissionKey: "NULL"), true },
        { "accepted_values_dim_authority_tier_level", "UPDATE dim_authority SET tier_level = 'middle' WHERE authority_code = 'E07000068'", true },
        { "accepted_values_dim_authority_sector", "UPDATE dim_authority SET sector = 'charity' WHERE authority_code = 'E07000068'", true },
        { "accepted_values_dim_authority_authority_type", "UPDATE dim_authority SET authority_type = 'parish' WHERE authority_code = 'E07000068'", true },
        { "accepted_values_dim_service_area_category", "UPDATE dim_service_area SET category = 'Frontline' WHERE service_area = 'Legal'", true },
        { "accepted_values_fact_arrangement_category", "UPDATE fact_arrangement SET category = 'Frontline' WHERE reference = 'L-1'", true },
        { "accepted_values_fact_arrangement_status", "UPDATE fact_arrangement SET status = 'Paused' WHERE reference = 'L-1'", true },
        { "accepted_values_dim_arrangement_profile_status", "UPDATE dim_arrangement_profile SET status = 'Paused' WHERE profile_key = (SELECT MAX(profile_key) FROM dim_arrangement_profile)", true },
        { "accepted_values_held_row_state", HeldRow("lost", resolvedSubmissionKey: "NULL"), true },
        { "accepted_values_review_name_status", ReviewName("ignored"), true },
        { "scd2_dim_authority_validity", "UPDATE dim_authority SET valid_to = '2020-01-01' WHERE authority_code = 'E07000108'", true },
        { "scd2_dim_authority_no_overlap", CopyOfDover("'2005-01-01'", "0", "'2030-01-01'"), true },
        { "scd2_dim_authority_has_current_version", "UPDATE dim_authority SET is_current = 0, valid_to = '2030-01-01' WHERE authority_code = 'E07000108'", true },
        { "bridge_partner_count_equals_fact_partner_count", "DELETE FROM bridge_arrangement_partner WHERE is_lead = 0 AND arrangement_key = (SELECT arrangement_key FROM fact_arrangement WHERE reference = 'L-1')", true },
        { "bridge_council_count_equals_fact_council_count", "UPDATE fact_arrangement SET council_count = 1 WHERE title = 'Shared procurement'", true },
        { "fact_arrangement_has_two_partners_and_a_council", "UPDATE fact_arrangement SET council_count = 0 WHERE title = 'Shared procurement'", true },
        { "fact_arrangement_is_cross_sector_matches_bridge", "UPDATE fact_arrangement SET is_cross_sector = 0 WHERE title = 'Community safety hub'", true },
        { "fact_arrangement_is_cross_tier_matches_bridge", "UPDATE fact_arrangement SET is_cross_tier = 1 - is_cross_tier WHERE title = 'Shared procurement'", true },
        { "fact_arrangement_lead_is_a_partner_or_unknown", "UPDATE bridge_arrangement_partner SET is_lead = 1 WHERE arrangement_key = (SELECT arrangement_key FROM fact_arrangement WHERE reference = 'L-1')", true },
        { "fact_arrangement_end_not_before_start", "UPDATE fact_arrangement SET end_date_key = 20000101 WHERE reference = 'L-1'", true },
        { "fact_arrangement_current_version_in_history", "UPDATE fact_arrangement_history SET content_hash = 'stale' WHERE title = 'Shared legal'", true },
        { "dim_submission_rows_add_up", "UPDATE dim_submission SET rows_read = rows_read + 1 WHERE submission_key = 1", true },
        { "dim_date_calendar_has_no_gaps", "DELETE FROM dim_date WHERE date_key = 20100101", true },
        // The council tables are written by the refresh, whole: every run sees them, scoped or not.
        { "council_tables_codes_match_keys", Neighbour("E07000068", writtenAs: "E07000069", rank: 1), true },
        { "council_tables_not_self", Neighbour("E07000108", writtenAs: "E07000108", rank: 1), true },
        { "council_tables_ranks_run_from_one", Neighbour("E07000068", writtenAs: "E07000068", rank: 2), true },
        { "council_opportunity_counts_add_up", Opportunity(comparators: 3, peersSharing: 5), true },
    };

    [Fact]
    public void Every_data_test_has_a_breakage_here()
    {
        var covered = Breakages.Select(row => (string)row[0]).ToHashSet();

        Assert.Equal([.. DataTestSql.Tests.Select(t => t.Name).Append(DataTestSql.CalendarTest).Order()], covered.Order());
    }

    [Theory]
    [MemberData(nameof(Breakages))]
    public async Task Each_data_test_catches_the_breakage_it_exists_for(string test, string breakage, bool scopedSeesIt)
    {
        await using var mart = await _sound.CopyAsync();
        await mart.QueryAsync(async db =>
        {
            // Foreign keys off, on this connection only: the breakages are what a bug or a hand edit could leave.
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA foreign_keys = OFF");
            foreach (var statement in breakage.Split("; "))
            {
                await db.Database.ExecuteSqlRawAsync(statement);
            }

            return 0;
        });

        var whole = await mart.QueryAsync(db => MartDataTests.RunAsync(db, null, CancellationToken.None));
        var scoped = await mart.QueryAsync(db => MartDataTests.RunAsync(db, SoundMart.SubmissionKey, CancellationToken.None));

        Assert.Contains(whole, f => f.Test == test && f.FailingRows > 0);
        Assert.Equal(scopedSeesIt, scoped.Any(f => f.Test == test));
    }

    [Fact]
    public async Task The_sound_mart_passes_every_data_test_whole_and_scoped()
    {
        await using var mart = await _sound.CopyAsync();

        Assert.Empty(await mart.QueryAsync(db => MartDataTests.RunAsync(db, null, CancellationToken.None)));
        Assert.Empty(await mart.QueryAsync(db => MartDataTests.RunAsync(db, SoundMart.SubmissionKey, CancellationToken.None)));
    }

    private static string CopyOfDover(string validFrom, string isCurrent, string validTo) =>
        "INSERT INTO dim_authority (authority_code, name, authority_type, tier_level, sector, valid_from, valid_to, is_current, row_hash) " +
        $"SELECT authority_code, 'Dover (copy)', authority_type, tier_level, sector, {validFrom}, {validTo}, {isCurrent}, 'x' FROM dim_authority WHERE authority_code = 'E07000108'";

    // A neighbour of Dover (E07000108): the council with code neighbour, its code written as writtenAs.
    private static string Neighbour(string neighbour, string writtenAs, int rank) =>
        "INSERT INTO council_neighbour (council_authority_key, council_code, council_name, neighbour_authority_key, neighbour_code, neighbour_name, shares_boundary, distance_km, rank, why) " +
        $"SELECT c.authority_key, c.authority_code, c.name, n.authority_key, '{writtenAs}', n.name, 1, 20.5, {rank}, 'shares a boundary' " +
        $"FROM dim_authority c, dim_authority n WHERE c.authority_code = 'E07000108' AND c.is_current = 1 AND n.authority_code = '{neighbour}' AND n.is_current = 1";

    private static string Opportunity(int comparators, int peersSharing) =>
        "INSERT INTO council_opportunity (council_authority_key, council_code, council_name, service_area_key, service_area, category, comparators, peers_sharing, neighbours_sharing, share, shared_before, who_shares, who_shares_codes, example_arrangement_ids, example_arrangements, rank) " +
        $"SELECT c.authority_key, c.authority_code, c.name, s.service_area_key, s.service_area, s.category, {comparators}, {peersSharing}, 0, 0.5, 0, '', '', '', '', 1 " +
        "FROM dim_authority c, dim_service_area s WHERE c.authority_code = 'E07000108' AND c.is_current = 1 AND s.service_area = 'Legal'";

    private static string ReviewName(string status) =>
        "INSERT INTO review_name (name_key, name, occurrences, first_seen_at, last_seen_at, status) " +
        $"VALUES ('borsetshire', 'Borsetshire', 1, '2026-11-28 09:00:00+00:00', '2026-11-28 09:00:00+00:00', '{status}')";

    private static string HeldRow(string state, string resolvedSubmissionKey) =>
        "INSERT INTO held_row (submission_key, sheet, row_number, values_json, unresolved_names, state, held_at, resolved_submission_key) " +
        $"VALUES ({SoundMart.SubmissionKey}, 'Sheet1', 99, '[]', 'Borsetshire', '{state}', '2026-11-28 09:00:00+00:00', {resolvedSubmissionKey})";

    /// <summary>One mart with three sound arrangements from one load, built once; each test breaks a copy of it.</summary>
    public sealed class SoundMart : IAsyncLifetime, IDisposable
    {
        public const int SubmissionKey = 1;

        private readonly TempFolder _folder = new("ssp-data-tests-");

        public async Task InitializeAsync()
        {
            await using var mart = await RegisterMart.CreateAsync(databasePath: _folder.File("sound.db"));
            var outcome = await mart.IngestAsync(SubmissionCsv.Build(
                Row("Shared legal", "Breckland District Council; South Holland District Council", reference: "L-1", lead: "Breckland District Council", start: "01/04/2011"),
                Row("Community safety hub", "Norfolk Constabulary; Norfolk County Council; Breckland District Council", service: "Community safety", start: "01/06/2014"),
                Row("Shared procurement", "Essex County Council; Brentwood Borough Council; Essex Police", service: "Procurement")), "one.csv");
            Assert.Equal(3, outcome.ArrangementsAdded);
            Assert.Equal(SubmissionKey, await mart.QueryAsync(db => db.Submissions.MaxAsync(s => s.SubmissionKey)));
        }

        internal async Task<TestMart> CopyAsync()
        {
            var copy = _folder.File($"{Guid.NewGuid():N}.db");
            File.Copy(_folder.File("sound.db"), copy);
            return await RegisterMart.CreateAsync(databasePath: copy);
        }

        public Task DisposeAsync()
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            return Task.CompletedTask;
        }

        public void Dispose() => _folder.Dispose();
    }
}
