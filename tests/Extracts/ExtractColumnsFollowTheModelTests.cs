using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using SharedServicesPipeline.DataMart.Extracts;
using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.Extracts;

/// <summary>
/// A column added to a mart table reaches its extract, or is kept out on purpose: every column of every table the
/// extracts publish is in the extract, or in the list below with the reason it is not published. A new column
/// forgotten in MartExtractSource fails here instead of silently missing from the CSV, Parquet and Power BI.
/// </summary>
public sealed class ExtractColumnsFollowTheModelTests
{
    /// <summary>Extract name → mart table, where they differ.</summary>
    private static readonly Dictionary<string, string> TableOf = new(StringComparer.Ordinal) { ["review_names"] = "review_name" };

    /// <summary>table.column → the extract column it is published as, where the names differ.</summary>
    private static readonly Dictionary<string, string> PublishedAs = new(StringComparer.Ordinal)
    {
        ["review_name.candidate1code"] = "candidate_1_code", ["review_name.candidate1name"] = "candidate_1_name", ["review_name.candidate1score"] = "candidate_1_score",
        ["review_name.candidate2code"] = "candidate_2_code", ["review_name.candidate2name"] = "candidate_2_name", ["review_name.candidate2score"] = "candidate_2_score",
        ["review_name.candidate3code"] = "candidate_3_code", ["review_name.candidate3name"] = "candidate_3_name", ["review_name.candidate3score"] = "candidate_3_score",
    };

    private const string CouncilKey = "the mart's key to the council's current dim_authority version, for Power BI; the extract names councils by GSS code, as before they were in the mart";

    /// <summary>table.column → why it is not published.</summary>
    private static readonly Dictionary<string, string> NotPublished = new(StringComparer.Ordinal)
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

    [Fact]
    public async Task Every_column_of_a_published_table_is_in_its_extract_or_kept_out_with_a_reason()
    {
        await using var mart = await TestMart.CreateAsync();
        var (tables, model) = await mart.QueryAsync(async db => (await new MartExtractSource(db).ReadTablesAsync(CancellationToken.None), db.Model));
        var missing = new List<string>();
        var stale = new List<string>();
        foreach (var extract in tables)
        {
            var tableName = TableOf.GetValueOrDefault(extract.Name, extract.Name);
            var entity = model.GetEntityTypes().Single(e => e.GetTableName() == tableName);
            var store = StoreObjectIdentifier.Table(tableName, entity.GetSchema());
            var columns = entity.GetProperties().Select(p => p.GetColumnName(store)!).ToList();
            var published = extract.Columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
            bool IsPublished(string column) => published.Contains(PublishedAs.GetValueOrDefault($"{tableName}.{column}", column));
            missing.AddRange(columns.Where(c => !IsPublished(c) && !NotPublished.ContainsKey($"{tableName}.{c}")).Select(c => $"{tableName}.{c}"));
            stale.AddRange(columns.Where(c => IsPublished(c) && NotPublished.ContainsKey($"{tableName}.{c}")).Select(c => $"{tableName}.{c}"));
        }

        Assert.True(missing.Count == 0, "Columns in the mart but not in their extract (publish them in MartExtractSource, or list them here with a reason): " + string.Join(", ", missing));
        Assert.True(stale.Count == 0, "Listed as kept out but published: " + string.Join(", ", stale));
    }
}
