using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SharedServicesPipeline.DataMart.Extracts;
using SharedServicesPipeline.Publishing;
using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.Extracts;

public sealed class ExtraTableTests
{
    [Fact]
    public async Task Any_extra_table_the_source_returns_is_published_as_csv_and_parquet_and_listed()
    {
        await using var mart = await TestMart.CreateAsync(s => s.Replace(ServiceDescriptor.Scoped<IExtractSource, WithExtraTable>()));
        await mart.QueryAsync(ExtractsMartSeed.SeedAsync);

        await mart.RefreshAsync();

        var run = PublishedRun.Latest(mart.ExtractsPath);
        var csv = run.File("extra_candidates.csv");
        var parquet = run.File("extra_candidates.parquet");
        Assert.Equal((2L, 2L), (csv.Rows, parquet.Rows));
        Assert.Equal([("submitted_name", "string"), ("suggested_code", "string"), ("confidence", "double"), ("occurrences", "integer")], csv.Columns.Select(c => (c.Name, c.Type)));
        var rows = ExtractCsv.Read(run.PathOf("extra_candidates.csv"));
        Assert.Equal("'=Breckland DC", rows[0]["submitted_name"]);
        var data = (await run.ReadParquetAsync("extra_candidates.parquet")).Data;
        Assert.Equal("=Breckland DC", data[0]["submitted_name"]?.ToString());
        Assert.Equal(0.82, data[0]["confidence"]);
        Assert.False(data[1].ContainsKey("suggested_code") && data[1]["suggested_code"] is not null);
    }

    /// <summary>The mart's tables (review_names among them) plus one more that the publisher has never seen.</summary>
    private sealed class WithExtraTable(SharedServicesPipeline.DataMart.MartDbContext db) : IExtractSource
    {
        private readonly MartExtractSource _mart = new(db);

        public Task<string?> ReadWatermarkAsync(CancellationToken cancellationToken) => _mart.ReadWatermarkAsync(cancellationToken);

        public async Task<IReadOnlyList<ExtractTable>> ReadTablesAsync(CancellationToken cancellationToken) =>
        [
            .. await _mart.ReadTablesAsync(cancellationToken),
            new ExtractTable(
                "extra_candidates",
                [new("submitted_name", typeof(string)), new("suggested_code", typeof(string)), new("confidence", typeof(double)), new("occurrences", typeof(int))],
                [["=Breckland DC", "E07000143", 0.82, 3], ["Sth Holland", null, 0.41, 1]]),
        ];
    }
}
