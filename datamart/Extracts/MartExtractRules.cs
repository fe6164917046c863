using System.Globalization;

namespace SharedServicesPipeline.DataMart.Extracts;

/// <summary>
/// What of the mart's model is not published, and the few names the extract contract gives differently. Every table
/// and column of the model is published unless it is listed here with the reason (<see cref="MartExtractSource"/>
/// derives the rest from the model), so a new column or a new mart entity reaches the extracts with no code of its own.
/// </summary>
public static class MartExtractRules
{
    /// <summary>Mart tables not published, and why.</summary>
    public static IReadOnlyDictionary<string, string> TablesKeptOut { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["dim_arrangement_profile"] = "a junk dimension for the loader; its status, governance and delivery model are published on fact_arrangement",
        ["held_row"] = "the rows held for review as submitted (their payload may carry contact details); review_names publishes the names to resolve",
        ["refresh_run"] = "the refresh log, operational; each run's manifest describes what it published",
    };

    /// <summary>Columns (<c>table.column</c>) of published tables that are not published, and why.</summary>
    public static IReadOnlyDictionary<string, string> ColumnsKeptOut { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["dim_authority.row_hash"] = "the loader's change detector for the register's rows, not a fact about the authority",
        ["dim_authority.successor_codes"] = "successions are published as each version's existed_to and the successor's own rows; the codes list is the loader's",
        ["dim_submission.submitter"] = "who sent the file (blob metadata), which may be a person's address: personal data stays in the mart",
        ["dim_submission.loaded_at"] = "operational; received_at is the submission's date for analysts",
        ["fact_arrangement.identity_key"] = "the full hash behind arrangement_id, which is published",
        ["fact_arrangement.content_hash"] = "the loader's change detector; versions are published in fact_arrangement_history",
        ["fact_arrangement.first_submission_key"] = "operational lineage; each version's submission is in fact_arrangement_history",
        ["fact_arrangement_history.content_hash"] = "the loader's change detector, as on the fact",
        ["review_name.review_name_key"] = "a surrogate key; the review list is keyed by name_key",
        ["council_neighbour.council_authority_key"] = CouncilKey,
        ["council_neighbour.neighbour_authority_key"] = CouncilKey,
        ["council_peer.council_authority_key"] = CouncilKey,
        ["council_peer.peer_authority_key"] = CouncilKey,
        ["council_opportunity.council_authority_key"] = CouncilKey,
        ["council_opportunity.service_area_key"] = "the mart's key to dim_service_area, for Power BI; the extract names the service area",
    };

    private const string CouncilKey = "the mart's key to a council's current dim_authority version, for Power BI; the extract names councils by GSS code";

    /// <summary>
    /// Tables whose rows are published in another order than their key's: the council comparison reads by council code
    /// then rank (its keys are surrogate keys, whose order means nothing to a reader).
    /// </summary>
    public static IReadOnlyDictionary<string, string[]> RowsOrderedBy { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["council_neighbour"] = ["council_code", "rank"],
        ["council_peer"] = ["council_code", "rank"],
        ["council_opportunity"] = ["council_code", "rank"],
    };

    /// <summary>Mart table → extract name, where they differ.</summary>
    public static IReadOnlyDictionary<string, string> TablesPublishedAs { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["review_name"] = "review_names",
    };

    /// <summary><c>table.column</c> → the extract column's name, where they differ.</summary>
    public static IReadOnlyDictionary<string, string> ColumnsPublishedAs { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["review_name.candidate1code"] = "candidate_1_code", ["review_name.candidate1name"] = "candidate_1_name", ["review_name.candidate1score"] = "candidate_1_score",
        ["review_name.candidate2code"] = "candidate_2_code", ["review_name.candidate2name"] = "candidate_2_name", ["review_name.candidate2score"] = "candidate_2_score",
        ["review_name.candidate3code"] = "candidate_3_code", ["review_name.candidate3name"] = "candidate_3_name", ["review_name.candidate3score"] = "candidate_3_score",
    };

    /// <summary>
    /// Columns the extract adds to a mart table, each computed from the row's published columns and placed before the
    /// named column: review_names' <c>candidates</c>, the list as a person reads it.
    /// </summary>
    public static IReadOnlyList<ComputedExtractColumn> Computed { get; } =
    [
        new("review_name", "candidates", typeof(string), Before: "candidate_1_code", CandidatesText),
    ];

    /// <summary>Whether <paramref name="table"/> is published.</summary>
    public static bool Publishes(string table) => !TablesKeptOut.ContainsKey(table);

    // "Kingston upon Thames (E09000021) 0.91; Kingston upon Hull (E06000010) 0.88".
    private static object? CandidatesText(Func<string, object?> column)
    {
        var parts = Enumerable.Range(1, 3)
            .Select(n => (Code: column($"candidate_{n}_code"), Name: column($"candidate_{n}_name"), Score: column($"candidate_{n}_score")))
            .Where(c => c.Code is not null)
            .Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Name} ({c.Code}) {c.Score:0.###}"))
            .ToList();
        return parts.Count == 0 ? null : string.Join("; ", parts);
    }
}

/// <summary>An extract column computed from the row's published columns (read by name) rather than stored.</summary>
public sealed record ComputedExtractColumn(string Table, string Name, Type Type, string Before, Func<Func<string, object?>, object?> Value);
