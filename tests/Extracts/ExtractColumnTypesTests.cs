using SharedServicesPipeline.DataMart.Extracts;
using SharedServicesPipeline.Publishing;
using SharedServicesPipeline.Tests.Dashboard;
using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.Extracts;

/// <summary>
/// The extract tables hold each column's values as the model types them (one typed array per column, a missing value
/// marked, not boxed), so every artifact reads a money column as decimals and a key as ints.
/// </summary>
public sealed class ExtractColumnTypesTests
{
    [Fact]
    public async Task Every_extract_column_holds_its_values_as_the_type_the_model_gives_it()
    {
        await using var mart = await TestMart.CreateAsync();
        await mart.QueryAsync(ExtractsMartSeed.SeedAsync);

        var tables = await mart.QueryAsync(db => new MartExtractSource(db).ReadTablesAsync(CancellationToken.None));

        Assert.All(tables, table => Assert.All(Enumerable.Range(0, table.Columns.Count), i =>
        {
            var column = table.Columns[i];
            Assert.Equal(Nullable.GetUnderlyingType(column.Type) ?? column.Type, table.ValuesAt(i).Type);
            Assert.Equal(table.RowCount, table.ValuesAt(i).Count);
        }));
    }

    [Fact]
    public async Task A_nullable_money_column_is_held_as_decimals_with_its_missing_values_marked()
    {
        await using var mart = await TestMart.CreateAsync();
        await mart.QueryAsync(ExtractsMartSeed.SeedAsync);

        var fact = (await mart.QueryAsync(db => new MartExtractSource(db).ReadTablesAsync(CancellationToken.None))).Single(t => t.Name == "fact_arrangement");

        var savings = Assert.IsType<ExtractValues<decimal>>(fact.ValuesAt(fact.IndexOf("annual_savings_gbp")));
        var references = Assert.IsType<ExtractValues<string>>(fact.ValuesAt(fact.IndexOf("reference")));
        var keys = Assert.IsType<ExtractValues<int>>(fact.ValuesAt(fact.IndexOf("arrangement_key")));
        var byReference = Enumerable.Range(0, fact.RowCount).ToDictionary(r => references[r], r => r);
        Assert.Equal(typeof(decimal?), fact.Columns[fact.IndexOf("annual_savings_gbp")].Type);
        Assert.True(savings.HasNulls);
        Assert.True(savings.IsNull(byReference["SEED-4"]));
        Assert.Null(savings.Boxed(byReference["SEED-4"]));
        Assert.Equal(123_456.78m, savings[byReference["SEED-3"]]);
        Assert.False(keys.HasNulls);
        Assert.Equal(fact.RowCount, keys.Values.Length);
    }

    [Fact]
    public void Text_repeated_down_a_column_is_held_once()
    {
        var table = new ExtractTable("codes", [new("code", typeof(string)), new("rank", typeof(int?))],
            [[new string("E07000143".AsSpan()), 1], [new string("E07000143".AsSpan()), null], [null, 3]]);

        var codes = Assert.IsType<ExtractValues<string>>(table.ValuesAt(0));
        var ranks = Assert.IsType<ExtractValues<int>>(table.ValuesAt(1));
        Assert.Same(codes[0], codes[1]);
        Assert.True(codes.IsNull(2));
        Assert.Equal([false, true, false], Enumerable.Range(0, 3).Select(ranks.IsNull));
        Assert.Equal(3, ranks[2]);
    }

    [Fact]
    public async Task Reading_from_the_SQLite_engine_gives_the_tables_the_data_reader_gives()
    {
        await using var mart = await DashboardTestData.CreateMartAsync();
        await mart.RefreshAsync();

        var (direct, viaReader) = await mart.QueryAsync(async db =>
        {
            var tables = MartExtractTable.FromModel(db);
            var direct = new List<ExtractTable>();
            var viaReader = new List<ExtractTable>();
            foreach (var table in tables)
            {
                direct.Add(await table.ReadAsync(db, CancellationToken.None));
                viaReader.Add(await table.ReadAsync(db, CancellationToken.None, dataReader: true));
            }

            return (direct, viaReader);
        });

        Assert.All(direct.Zip(viaReader), pair =>
        {
            Assert.Equal(pair.Second.RowCount, pair.First.RowCount);
            Assert.True(pair.First.RowCount > 0 || pair.First.Name == "review_names", $"{pair.First.Name} is empty");
            Assert.Equal(CsvExtractWriter.Write(pair.Second).ToArray(), CsvExtractWriter.Write(pair.First).ToArray());
            Assert.All(Enumerable.Range(0, pair.First.Columns.Count), c => Assert.Equal(
                Enumerable.Range(0, pair.First.RowCount).Select(pair.Second.ValuesAt(c).Boxed),
                Enumerable.Range(0, pair.First.RowCount).Select(pair.First.ValuesAt(c).Boxed)));
        });
    }
}
