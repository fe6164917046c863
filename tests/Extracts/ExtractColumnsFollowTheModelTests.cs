using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using SharedServicesPipeline.DataMart.Extracts;
using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.Extracts;

/// <summary>
/// The extract tables are derived from the mart's model: every table and column is published unless
/// <see cref="MartExtractRules"/> keeps it out with a reason, so a new column or a new mart entity reaches the CSV,
/// Parquet and Power BI with no code of its own. The contract's names, order and types are pinned here: a change to
/// them is deliberate and shows in this file.
/// </summary>
public sealed class ExtractColumnsFollowTheModelTests
{
    /// <summary>The extract contract (version 1) as published: table → columns in order, with the manifest's type.</summary>
    private static readonly (string Table, string Columns)[] Contract =
    [
        ("dim_authority", "authority_key:integer authority_code:string name:string short_name:string authority_type:string tier_level:string sector:string parent_code:string region:string nation:string latitude:double longitude:double existed_from:date existed_to:date valid_from:date valid_to:date is_current:boolean"),
        ("dim_service_area", "service_area_key:integer service_area:string category:string"),
        ("dim_date", "date_key:integer date:date year:integer quarter:integer month:integer month_name:string financial_year:string financial_year_start:integer"),
        ("dim_submission", "submission_key:integer submission_id:string file_name:string sha256:string received_at:datetime rows_read:integer rows_accepted:integer rows_rejected:integer rows_held:integer pipeline_version:string submitting_council:string return_authority:string return_authority_code:string return_period:string"),
        ("fact_arrangement", "arrangement_key:integer arrangement_id:string reference:string title:string description:string service_area_key:integer category:string profile_key:integer start_date_key:integer start_date_is_approximate:boolean end_date_key:integer status:string governance:string delivery_model:string annual_savings_gbp:decimal savings_to_date_gbp:decimal partner_count:integer council_count:integer is_cross_tier:boolean is_cross_sector:boolean max_partner_distance_km:double lead_authority_key:integer submission_key:integer version:integer"),
        ("bridge_arrangement_partner", "arrangement_key:integer authority_key:integer is_lead:boolean"),
        ("fact_arrangement_history", "history_key:integer arrangement_key:integer version:integer submission_key:integer title:string service_area_key:integer category:string profile_key:integer start_date_key:integer end_date_key:integer lead_authority_key:integer status:string annual_savings_gbp:decimal savings_to_date_gbp:decimal partner_count:integer council_count:integer recorded_at:datetime"),
        ("review_names", "name:string name_key:string status:string occurrences:integer first_seen_at:datetime last_seen_at:datetime candidates:string candidate_1_code:string candidate_1_name:string candidate_1_score:double candidate_2_code:string candidate_2_name:string candidate_2_score:double candidate_3_code:string candidate_3_name:string candidate_3_score:double resolved_at:datetime"),
        ("council_neighbour", "council_code:string council_name:string neighbour_code:string neighbour_name:string shares_boundary:boolean distance_km:double rank:integer why:string"),
        ("council_peer", "council_code:string council_name:string peer_code:string peer_name:string same_type:boolean same_region:boolean distance_km:double rank:integer why:string"),
        ("council_opportunity", "council_code:string council_name:string service_area:string category:string comparators:integer peers_sharing:integer neighbours_sharing:integer share:double shared_before:boolean who_shares:string who_shares_codes:string example_arrangement_ids:string example_arrangements:string example_annual_savings_gbp:decimal rank:integer"),
    ];

    [Fact]
    public async Task Every_column_of_a_published_table_is_in_its_extract_or_kept_out_with_a_reason()
    {
        await using var mart = await TestMart.CreateAsync();
        var (tables, model) = await mart.QueryAsync(async db => (await new MartExtractSource(db).ReadTablesAsync(CancellationToken.None), db.Model));
        var missing = new List<string>();
        var stale = new List<string>();
        foreach (var entity in model.GetEntityTypes().Where(e => e.GetTableName() is not null))
        {
            var tableName = entity.GetTableName()!;
            var extract = tables.SingleOrDefault(t => t.Name == MartExtractRules.TablesPublishedAs.GetValueOrDefault(tableName, tableName));
            if (extract is null)
            {
                Assert.True(MartExtractRules.TablesKeptOut.ContainsKey(tableName), $"mart table {tableName} is neither published nor kept out with a reason");
                continue;
            }

            Assert.False(MartExtractRules.TablesKeptOut.ContainsKey(tableName), $"{tableName} is kept out but published");
            var store = StoreObjectIdentifier.Table(tableName, entity.GetSchema());
            var published = extract.Columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
            foreach (var column in entity.GetProperties().Select(p => p.GetColumnName(store)!))
            {
                var isPublished = published.Contains(MartExtractRules.ColumnsPublishedAs.GetValueOrDefault($"{tableName}.{column}", column));
                var keptOut = MartExtractRules.ColumnsKeptOut.ContainsKey($"{tableName}.{column}");
                if (!isPublished && !keptOut)
                {
                    missing.Add($"{tableName}.{column}");
                }
                else if (isPublished && keptOut)
                {
                    stale.Add($"{tableName}.{column}");
                }
            }
        }

        Assert.True(missing.Count == 0, "Columns in the mart but not in their extract: " + string.Join(", ", missing));
        Assert.True(stale.Count == 0, "Listed as kept out but published: " + string.Join(", ", stale));
    }

    [Fact]
    public async Task Every_rule_names_a_table_and_column_the_model_has()
    {
        await using var mart = await TestMart.CreateAsync();
        var model = await mart.QueryAsync(db => Task.FromResult(db.Model));
        var columns = model.GetEntityTypes().Where(e => e.GetTableName() is not null)
            .SelectMany(e => e.GetProperties().Select(p => $"{e.GetTableName()}.{p.GetColumnName(StoreObjectIdentifier.Table(e.GetTableName()!, e.GetSchema()))}"))
            .ToHashSet(StringComparer.Ordinal);
        var tables = model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().ToHashSet(StringComparer.Ordinal);

        Assert.All(MartExtractRules.TablesKeptOut.Keys.Concat(MartExtractRules.TablesPublishedAs.Keys).Concat(MartExtractRules.RowsOrderedBy.Keys), t => Assert.Contains(t, tables));
        Assert.All(MartExtractRules.RowsOrderedBy.SelectMany(o => o.Value.Select(c => $"{o.Key}.{c}")), c => Assert.Contains(c, columns));
        Assert.All(MartExtractRules.ColumnsKeptOut.Keys.Concat(MartExtractRules.ColumnsPublishedAs.Keys), c => Assert.Contains(c, columns));
        Assert.All(MartExtractRules.ColumnsKeptOut.Values.Concat(MartExtractRules.TablesKeptOut.Values), reason => Assert.False(string.IsNullOrWhiteSpace(reason)));
    }

    [Fact]
    public async Task The_published_tables_columns_order_and_types_are_the_contract()
    {
        await using var mart = await TestMart.CreateAsync();
        var tables = await mart.QueryAsync(db => new MartExtractSource(db).ReadTablesAsync(CancellationToken.None));

        Assert.Equal(Contract.Select(c => c.Table), tables.Select(t => t.Name));
        foreach (var (table, columns) in Contract)
        {
            var extract = tables.Single(t => t.Name == table);
            Assert.Equal(columns, string.Join(' ', extract.Columns.Select(c => $"{c.Name}:{SharedServicesPipeline.Publishing.ExtractTypes.NameOf(c.Type)}")));
        }
    }
}
