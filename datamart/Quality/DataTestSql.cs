using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using SharedServicesPipeline.DataMart.Loading;
using SharedServicesPipeline.Pipeline.Loading;
using SharedServicesPipeline.Pipeline.Reference;
using SharedServicesPipeline.Pipeline.Validation;

namespace SharedServicesPipeline.DataMart.Quality;

/// <summary>
/// The mart's data tests as one SELECT of one row: a column per test, each a scalar subquery counting the rows that break
/// the rule (named as the test), then the calendar's day count, first and last key (its gaps are counted by the caller).
/// Plain SQL that SQLite and SQL Server both read: tables delimited by the provider and in its schema, booleans compared
/// with 1 and 0, no provider functions but TRIM. Scoped to a load, the fact-level sources are the load's rows, reached
/// through the submission key's indexes (the key is the statement's one parameter, <c>{0}</c>).
/// </summary>
internal static class DataTestSql
{
    public const string CalendarTest = "dim_date_calendar_has_no_gaps";

    private static readonly string Unknown = UnknownMembers.Key.ToString(System.Globalization.CultureInfo.InvariantCulture);
    private const string Council = ArrangementMeasures.Council;

    private static readonly ConcurrentDictionary<(string? Provider, bool Scoped, string Indexed), string> Statements = new();

    private static readonly string Tiers = List("upper", "lower", "single", "other");
    private static readonly string Sectors = List([.. Enum.GetNames<Sector>().Select(MartDbContext.SnakeCase)]);
    private static readonly string AuthorityTypes = List([.. Enum.GetNames<AuthorityType>().Select(MartDbContext.SnakeCase), "unknown"]);
    private static readonly string Categories = List([.. ServiceAreaTaxonomy.Categories]);
    private static readonly string Statuses = List([.. ChoiceNormaliser.Statuses]);
    private static readonly string ProfileStatuses = List([.. ChoiceNormaliser.Statuses, "Not stated", "Unknown"]);
    private static readonly string HeldStates = List(HeldRowStates.Held, HeldRowStates.Loaded, HeldRowStates.Rejected);
    private static readonly string ReviewStatuses = List(ReviewNameList.Open, ReviewNameList.Resolved);

    /// <summary>Every test but the calendar's, in the statement's column order.</summary>
    public static IReadOnlyList<(string Name, DataTestQuery Query)> Tests { get; } =
    [
        // Unique keys: answered by the table's unique index while it is there (UniqueIndexes), counted when it is not
        ("unique_dim_authority_code_valid_from", Unique(new("dim_authority", "authority_code", "valid_from"))),
        ("unique_dim_authority_current_version_per_code", Scalar(t => Duplicates(t.Table("dim_authority"), "authority_code", "is_current = 1"))),
        ("unique_dim_service_area_service_area", Unique(new("dim_service_area", "service_area"))),
        ("unique_dim_arrangement_profile_combination", Unique(new("dim_arrangement_profile", "status", "governance", "delivery_model"))),
        ("unique_dim_submission_sha256", Scalar(t => $"SELECT COUNT(*) FROM {t.Submissions} s WHERE (SELECT COUNT(*) FROM {t.Table("dim_submission")} so WHERE so.sha256 = s.sha256) > 1", new("dim_submission", "sha256"))),
        ("unique_fact_arrangement_identity_key", PerFact(t => $"(SELECT COUNT(*) FROM {t.Table("fact_arrangement")} fo WHERE fo.identity_key = f.identity_key) > 1", new("fact_arrangement", "identity_key"))),
        ("unique_fact_arrangement_arrangement_id", PerFact(t => $"(SELECT COUNT(*) FROM {t.Table("fact_arrangement")} fo WHERE fo.arrangement_id = f.arrangement_id) > 1", new("fact_arrangement", "arrangement_id"))),
        ("unique_fact_arrangement_history_version", Scalar(t => $"SELECT COUNT(*) FROM {t.History} h WHERE (SELECT COUNT(*) FROM {t.Table("fact_arrangement_history")} ho WHERE ho.arrangement_key = h.arrangement_key AND ho.version = h.version) > 1", new("fact_arrangement_history", "arrangement_key", "version"))),
        ("unique_review_name_name_key", Unique(new("review_name", "name_key"))),

        // Not null (and not blank) where the schema cannot say so
        ("not_null_dim_authority_name", Scalar(t => $"SELECT COUNT(*) FROM {t.Table("dim_authority")} a WHERE {Blank("a.name")} OR {Blank("a.authority_code")}")),
        ("not_null_fact_arrangement_title", PerFact(_ => Blank("f.title"))),
        ("unknown_members_present", Scalar(t => "SELECT " + string.Join(" + ", new[]
        {
            Missing(t.Table("dim_authority"), "authority_key"), Missing(t.Table("dim_service_area"), "service_area_key"),
            Missing(t.Table("dim_arrangement_profile"), "profile_key"), Missing(t.Table("dim_date"), "date_key"),
            Missing(t.Table("dim_submission"), "submission_key"),
        }))),

        // Relationships: every key resolves to a dimension row
        ("relationships_fact_arrangement_service_area_key", Resolves(new KeyLookup("dim_service_area", "service_area_key", "service_area_key"))),
        ("relationships_fact_arrangement_profile_key", Resolves(new KeyLookup("dim_arrangement_profile", "profile_key", "profile_key"))),
        ("relationships_fact_arrangement_start_date_key", Resolves(new KeyLookup("dim_date", "date_key", "start_date_key"))),
        ("relationships_fact_arrangement_end_date_key", Resolves(new KeyLookup("dim_date", "date_key", "end_date_key"))),
        ("relationships_fact_arrangement_lead_authority_key", Resolves(new KeyLookup("dim_authority", "authority_key", "lead_authority_key"))),
        ("relationships_fact_arrangement_submission_key", Resolves(new KeyLookup("dim_submission", "submission_key", "submission_key"), new KeyLookup("dim_submission", "submission_key", "first_submission_key"))),
        // Scoped, the load's bridge rows are found through its facts, so every one has its fact: only the whole mart can
        // hold a bridge row without one.
        ("relationships_bridge_arrangement_key", Scalar(t => t.Scoped ? "SELECT 0"
            : $"SELECT COUNT(*) FROM {t.Bridge} p WHERE NOT {Exists(t.Table("fact_arrangement"), "arrangement_key", "p.arrangement_key")}")),
        // Counted in the fact pass, where each bridge row is already joined to its dim_authority row (Sources.BridgeByFact).
        ("relationships_bridge_authority_key", PerFactRows(t => t.UnknownPartners)),
        ("relationships_history_keys", Scalar(t => Unresolved(t, t.History, "h",
            new KeyLookup("fact_arrangement", "arrangement_key", "arrangement_key"), new KeyLookup("dim_submission", "submission_key", "submission_key"),
            new KeyLookup("dim_service_area", "service_area_key", "service_area_key"), new KeyLookup("dim_arrangement_profile", "profile_key", "profile_key"),
            new KeyLookup("dim_date", "date_key", "start_date_key"), new KeyLookup("dim_date", "date_key", "end_date_key"), new KeyLookup("dim_authority", "authority_key", "lead_authority_key")))),
        ("relationships_held_row_submission_key", Scalar(t => $"SELECT COUNT(*) FROM {t.Held} hr WHERE NOT {Exists(t.Table("dim_submission"), "submission_key", "hr.submission_key")}" +
            $" OR (hr.state = {Literal(HeldRowStates.Loaded)} AND (hr.resolved_submission_key IS NULL OR NOT {Exists(t.Table("dim_submission"), "submission_key", "hr.resolved_submission_key")}))")),

        // Accepted values
        ("accepted_values_dim_authority_tier_level", Scalar(t => $"SELECT COUNT(*) FROM {t.Table("dim_authority")} a WHERE a.tier_level NOT IN {Tiers}")),
        ("accepted_values_dim_authority_sector", Scalar(t => $"SELECT COUNT(*) FROM {t.Table("dim_authority")} a WHERE a.sector NOT IN {Sectors}")),
        ("accepted_values_dim_authority_authority_type", Scalar(t => $"SELECT COUNT(*) FROM {t.Table("dim_authority")} a WHERE a.authority_type NOT IN {AuthorityTypes}")),
        ("accepted_values_dim_service_area_category", Scalar(t => $"SELECT COUNT(*) FROM {t.Table("dim_service_area")} sa WHERE sa.category NOT IN {Categories}")),
        ("accepted_values_fact_arrangement_category", PerFact(_ => $"f.category NOT IN {Categories}")),
        ("accepted_values_fact_arrangement_status", PerFact(_ => $"f.status IS NOT NULL AND f.status NOT IN {Statuses}")),
        ("accepted_values_dim_arrangement_profile_status", Scalar(t => $"SELECT COUNT(*) FROM {t.Table("dim_arrangement_profile")} pr WHERE pr.status NOT IN {ProfileStatuses}")),
        ("accepted_values_held_row_state", Scalar(t => $"SELECT COUNT(*) FROM {t.Held} hr WHERE hr.state NOT IN {HeldStates}")),
        ("accepted_values_review_name_status", Scalar(t => $"SELECT COUNT(*) FROM {t.Table("review_name")} r WHERE r.status NOT IN {ReviewStatuses}")),

        // SCD2: versions of one authority follow one another without overlapping; only the current one is open
        ("scd2_dim_authority_validity", Scalar(t => $"SELECT COUNT(*) FROM {t.Table("dim_authority")} a WHERE (a.is_current = 1 AND a.valid_to IS NOT NULL) OR (a.is_current = 0 AND (a.valid_to IS NULL OR a.valid_to < a.valid_from))")),
        ("scd2_dim_authority_no_overlap", Scalar(t => $"SELECT COUNT(*) FROM {t.Table("dim_authority")} a WHERE EXISTS (SELECT 1 FROM {t.Table("dim_authority")} ao" +
            " WHERE ao.authority_code = a.authority_code AND ao.authority_key <> a.authority_key AND ao.valid_from >= a.valid_from AND (a.valid_to IS NULL OR ao.valid_from <= a.valid_to))")),
        ("scd2_dim_authority_has_current_version", Scalar(t => $"SELECT COUNT(*) FROM (SELECT DISTINCT authority_code FROM {t.Table("dim_authority")}) c" +
            $" WHERE NOT EXISTS (SELECT 1 FROM {t.Table("dim_authority")} a WHERE a.authority_code = c.authority_code AND a.is_current = 1)")),

        // The mart's own rules: the fact and its bridge agree (the bridge's rows of each fact counted once, in Sources.BridgeByFact)
        ("bridge_partner_count_equals_fact_partner_count", PerFact(_ => "b.partners <> f.partner_count")),
        ("bridge_council_count_equals_fact_council_count", PerFact(t => $"{t.Councils} <> f.council_count")),
        ("fact_arrangement_has_two_partners_and_a_council", PerFact(_ => "f.partner_count < 2 OR f.council_count < 1 OR f.council_count > f.partner_count")),
        ("fact_arrangement_is_cross_sector_matches_bridge", PerFact(t => $"f.is_cross_sector <> CASE WHEN {t.OtherSectors} > 0 THEN 1 ELSE 0 END")),
        ("fact_arrangement_is_cross_tier_matches_bridge", PerFact(t => $"f.is_cross_tier <> CASE WHEN {t.LowerTier} > 0 AND {t.UpperTier} > 0 THEN 1 ELSE 0 END")),
        ("fact_arrangement_lead_is_a_partner_or_unknown", PerFact(t => $"{t.Leads} <> CASE WHEN f.lead_authority_key = {Unknown} THEN 0 ELSE 1 END" +
            $" OR (f.lead_authority_key <> {Unknown} AND {t.LeadFound} = 0)")),
        ("fact_arrangement_end_not_before_start", PerFact(_ => $"f.start_date_key <> {Unknown} AND f.end_date_key <> {Unknown} AND f.end_date_key < f.start_date_key")),
        ("fact_arrangement_current_version_in_history", PerFact(t => $"NOT EXISTS (SELECT 1 FROM {t.Table("fact_arrangement_history")} ho" +
            " WHERE ho.arrangement_key = f.arrangement_key AND ho.version = f.version AND ho.content_hash = f.content_hash)")),
        ("dim_submission_rows_add_up", Scalar(t => $"SELECT COUNT(*) FROM {t.Submissions} s WHERE s.rows_accepted + s.rows_rejected + s.rows_held <> s.rows_read")),

        // The council comparison (rewritten whole by each refresh; a few thousand rows, bounded by the register): the
        // codes people read agree with the keys Power BI joins on, no council compares with itself, ranks run 1..n.
        ("council_tables_codes_match_keys", Scalar(t => "SELECT " + string.Join(" + ",
            CodeDiffers(t, "council_neighbour", "council"), CodeDiffers(t, "council_neighbour", "neighbour"), CodeDiffers(t, "council_peer", "council"),
            CodeDiffers(t, "council_peer", "peer"), CodeDiffers(t, "council_opportunity", "council"),
            $"(SELECT COUNT(*) FROM {t.Table("council_opportunity")} c WHERE NOT EXISTS (SELECT 1 FROM {t.Table("dim_service_area")} x" +
            " WHERE x.service_area_key = c.service_area_key AND x.service_area = c.service_area))"))),
        ("council_tables_not_self", Scalar(t => $"SELECT (SELECT COUNT(*) FROM {t.Table("council_neighbour")} c WHERE c.council_authority_key = c.neighbour_authority_key)" +
            $" + (SELECT COUNT(*) FROM {t.Table("council_peer")} c WHERE c.council_authority_key = c.peer_authority_key)")),
        ("council_tables_ranks_run_from_one", Scalar(t => "SELECT " + string.Join(" + ", new[] { "council_neighbour", "council_peer", "council_opportunity" }.Select(table =>
            $"(SELECT COUNT(*) FROM (SELECT c.council_authority_key FROM {t.Table(table)} c GROUP BY c.council_authority_key HAVING MIN(c.rank) <> 1 OR MAX(c.rank) <> COUNT(*)) g)")))),
        ("council_opportunity_counts_add_up", Scalar(t => $"SELECT COUNT(*) FROM {t.Table("council_opportunity")} c" +
            " WHERE c.peers_sharing < 1 OR c.peers_sharing > c.comparators OR c.neighbours_sharing > c.peers_sharing OR c.share <= 0 OR c.share > 1")),
    ];

    /// <summary>The statement for this context's provider; scoped: the fact-level tests read the rows of the submission key <c>{0}</c>.
    /// Each uniqueness test that <paramref name="indexes"/> guarantee reads 0; the others count.</summary>
    public static string For(MartDbContext db, bool scoped, UniqueIndexes indexes)
    {
        var indexed = string.Join(",", Tests.Where(test => test.Query.Unique is { } unique && indexes.Guarantee(unique)).Select(test => test.Name));
        return Statements.GetOrAdd((db.Database.ProviderName, scoped, indexed), key =>
            Build(new Sources(db.GetService<ISqlGenerationHelper>(), db.Model.GetDefaultSchema(), scoped), [.. key.Indexed.Split(',')]));
    }

    private static string Build(Sources t, HashSet<string> indexed)
    {
        // A test its index answers: its column reads 0, and it leaves the fact pass.
        var tests = Tests.Select(test => indexed.Contains(test.Name) ? (test.Name, Query: new DataTestQuery(_ => "SELECT 0", null)) : test).ToList();
        var days = $"FROM {t.Table("dim_date")} d WHERE d.date_key <> {Unknown}";
        var perFact = tests.Where(test => test.Query.FactCondition is not null).ToList();
        IEnumerable<string> columns =
        [
            .. tests.Select(test => test.Query.Count is { } count ? $"({count(t)}) AS {test.Name}" : $"fl.{test.Name}"),
            $"(SELECT COUNT(*) {days}) AS calendar_days",
            $"(SELECT MIN(d.date_key) {days}) AS calendar_first_key",
            $"(SELECT MAX(d.date_key) {days}) AS calendar_last_key",
        ];

        // The fact-level tests in one pass over the facts, each fact's bridge rows counted once: one scan, not one per test.
        // Each test a 0/1 column first, summed outside: SQL Server takes no subquery inside an aggregate.
        var flags = string.Join(",\n            ", perFact.Select(test => $"{test.Query.FactCondition!(t)} AS {test.Name}"));
        var sums = string.Join(",\n        ", perFact.Select(test => $"COALESCE(SUM(x.{test.Name}), 0) AS {test.Name}"));
        var joins = string.Concat(perFact.SelectMany(test => test.Query.Lookups ?? []).Select(lookup => $"\n        {lookup.Join(t, "f")}"));
        return "SELECT\n    " + string.Join(",\n    ", columns) +
            $"\nFROM (\n    SELECT\n        {sums}\n    FROM (\n        SELECT\n            {flags}\n        FROM {t.BridgeByFact} b\n        INNER JOIN {t.Table("fact_arrangement")} f ON f.arrangement_key = b.arrangement_key{joins}\n    ) x\n) fl";
    }

    private static DataTestQuery Scalar(Func<Sources, string> count, UniqueColumns? unique = null) => new(count, null, unique);

    /// <summary>No two rows of the table share the columns' values: the rows that do, counted.</summary>
    private static DataTestQuery Unique(UniqueColumns key) =>
        Scalar(t => Duplicates(t.Table(key.Table), string.Join(", ", key.Columns)), key);

    /// <summary>A rule each of the load's facts must keep: a condition over the fact <c>f</c> and its bridge's counts <c>b</c>
    /// (<see cref="Sources.BridgeByFact"/>) that is true when the fact breaks it.</summary>
    private static DataTestQuery PerFact(Func<Sources, string> breaks, UniqueColumns? unique = null) => new(null, t => $"CASE WHEN {breaks(t)} THEN 1 ELSE 0 END", unique);

    /// <summary>A rule each bridge row of the load's facts must keep, counted per fact in the same pass: an expression over
    /// <c>f</c> and <c>b</c> giving how many of the fact's rows break it.</summary>
    /// <summary>Each of the load's facts' keys names a row of its dimension: the fact pass joins each dimension on the key and
    /// counts the facts where one found nothing.</summary>
    private static DataTestQuery Resolves(params KeyLookup[] lookups) =>
        new(null, _ => $"CASE WHEN {string.Join(" OR ", lookups.Select(l => l.Missing))} THEN 1 ELSE 0 END", Lookups: lookups);

    // The rows of source (as alias) with a key that names nothing, each key's table joined once.
    private static string Unresolved(Sources t, string source, string alias, params KeyLookup[] lookups) =>
        $"SELECT COUNT(*) FROM {source} {alias} {string.Join(" ", lookups.Select(l => l.Join(t, alias)))} WHERE {string.Join(" OR ", lookups.Select(l => l.Missing))}";

    private static DataTestQuery PerFactRows(Func<Sources, string> rows) => new(null, rows);

    private static string Duplicates(string table, string columns, string? where = null) =>
        $"SELECT COUNT(*) FROM (SELECT 1 AS one FROM {table}{(where is null ? "" : " WHERE " + where)} GROUP BY {columns} HAVING COUNT(*) > 1) g";

    // Rows whose <role>_code is not the code of the dim_authority row their <role>_authority_key names.
    private static string CodeDiffers(Sources t, string table, string role) =>
        $"(SELECT COUNT(*) FROM {t.Table(table)} c WHERE NOT EXISTS (SELECT 1 FROM {t.Table("dim_authority")} x" +
        $" WHERE x.authority_key = c.{role}_authority_key AND x.authority_code = c.{role}_code))";

    private static string Blank(string column) => $"({column} IS NULL OR TRIM({column}) = '')";

    private static string Exists(string table, string key, string value) => $"EXISTS (SELECT 1 FROM {table} x WHERE x.{key} = {value})";

    private static string Missing(string table, string key) => $"CASE WHEN {Exists(table, key, Unknown)} THEN 0 ELSE 1 END";

    private static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string List(params string[] values) => "(" + string.Join(", ", values.Select(Literal)) + ")";

    /// <summary>The tables and the rows the fact-level tests read, as the provider names them.</summary>
    internal sealed class Sources(ISqlGenerationHelper sql, string? schema, bool scoped)
    {
        private const string Key = "{0}";

        /// <summary>Whether the statement covers one load's rows (the submission key <c>{0}</c>) rather than the whole mart.</summary>
        public bool Scoped => scoped;

        public string Table(string name) => sql.DelimitIdentifier(name, schema);

        public string Facts => scoped ? $"(SELECT * FROM {Table("fact_arrangement")} WHERE submission_key = {Key})" : Table("fact_arrangement");

        /// <summary>Driven from the load's facts (a join on the bridge's key), never a scan of the whole bridge.</summary>
        public string Bridge => scoped
            ? $"(SELECT pb.* FROM {Table("fact_arrangement")} fb INNER JOIN {Table("bridge_arrangement_partner")} pb ON pb.arrangement_key = fb.arrangement_key WHERE fb.submission_key = {Key})"
            : Table("bridge_arrangement_partner");

        public string History => scoped ? $"(SELECT * FROM {Table("fact_arrangement_history")} WHERE submission_key = {Key})" : Table("fact_arrangement_history");

        public string Held => scoped ? $"(SELECT * FROM {Table("held_row")} WHERE submission_key = {Key} OR resolved_submission_key = {Key})" : Table("held_row");

        public string Submissions => scoped ? $"(SELECT * FROM {Table("dim_submission")} WHERE submission_key = {Key})" : Table("dim_submission");

        /// <summary>Each fact of <see cref="Facts"/> once, a fact without bridge rows too, with its bridge rows counted by what
        /// the fact's measures say of them and by whether each names a known authority (grouped by the fact's key, in the
        /// order the facts are read: no sort). The fact pass starts here and finds each fact by its key: no second scan of
        /// the facts, and no index built on the groups to join them back.</summary>
        /// <remarks>Three aggregates, not eight: each costs SQLite a step per bridge row, so the counts share two sums,
        /// <c>kinds</c> (councils, other sectors, lower-tier councils, upper- or single-tier councils) and <c>leading</c>
        /// (rows marked lead, of them the fact's lead authority, rows naming no known authority), as fields of 2^15 apiece:
        /// a row adds 1 to each field it counts in, and <see cref="Councils"/> and the rest read a field back. A field holds
        /// its count exactly while that stays under 2^15: the bridge's key (arrangement, authority) keeps a fact's rows to
        /// the number of dim_authority rows (hundreds), and the partner count, a COUNT of its own, fails on any fact with
        /// more rows than its measures say. Each sum is BIGINT (a branch cast so): SQL Server's INT would overflow.</remarks>
        public string BridgeByFact =>
            "(SELECT fb.arrangement_key, COUNT(pa.arrangement_key) AS partners," +
            $" SUM(CASE WHEN a.sector = {Literal(Council)} THEN CASE WHEN a.tier_level = 'lower' THEN {Weight(1, 0, 1)}" +
            $" WHEN a.tier_level IN ('upper', 'single') THEN {Weight(1, 0, 0, 1)} ELSE 1 END" +
            $" WHEN a.sector <> {Literal(ArrangementMeasures.CombinedAuthority)} THEN {Weight(0, 1)} ELSE 0 END) AS kinds," +
            $" SUM(CASE WHEN pa.is_lead = 1 THEN CASE WHEN pa.authority_key = fb.lead_authority_key THEN {Weight(1, 1)} ELSE 1 END ELSE 0 END" +
            $" + CASE WHEN pa.arrangement_key IS NOT NULL AND (pa.authority_key = {Unknown} OR a.authority_key IS NULL) THEN {Weight(0, 0, 1)} ELSE 0 END) AS leading" +
            $" FROM {Facts} fb LEFT JOIN {Table("bridge_arrangement_partner")} pa ON pa.arrangement_key = fb.arrangement_key" +
            $" LEFT JOIN {Table("dim_authority")} a ON a.authority_key = pa.authority_key GROUP BY fb.arrangement_key)";

        /// <summary>Of a fact's bridge rows (<see cref="BridgeByFact"/> <c>b</c>): those naming a council.</summary>
        public string Councils => Field("kinds", 0);

        /// <summary>Those naming a body of another sector than councils and combined authorities.</summary>
        public string OtherSectors => Field("kinds", 1);

        /// <summary>Those naming a lower-tier council.</summary>
        public string LowerTier => Field("kinds", 2);

        /// <summary>Those naming an upper- or single-tier council.</summary>
        public string UpperTier => Field("kinds", 3);

        /// <summary>Those marked lead.</summary>
        public string Leads => Field("leading", 0);

        /// <summary>Those marked lead that name the fact's lead authority.</summary>
        public string LeadFound => Field("leading", 1);

        /// <summary>Those naming the unknown member or no dim_authority row at all.</summary>
        public string UnknownPartners => Field("leading", 2);

        private const int FieldBits = 15;

        // The field's count: the sum shifted down to it, and cut above it unless it is the sum's last field.
        private static string Field(string sum, int field)
        {
            var shifted = field == 0 ? $"b.{sum}" : $"b.{sum} / {Big(1L << (FieldBits * field))}";
            var last = (sum, field) is ("kinds", 3) or ("leading", 2);
            return last ? $"({shifted})" : $"({shifted} % {1L << FieldBits})";
        }

        // A row's contribution to a sum: 1 in each field it counts in, the first field lowest.
        private static string Weight(params int[] fields)
        {
            var weight = 0L;
            for (var i = fields.Length - 1; i >= 0; i--)
            {
                weight = (weight << FieldBits) + fields[i];
            }

            return Big(weight);
        }

        // BIGINT past INT's range, or always in a sum that could pass it: SQL Server types a literal by its size.
        private static string Big(long value) => value >= 1L << 30 ? $"CAST({value} AS BIGINT)" : value.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
