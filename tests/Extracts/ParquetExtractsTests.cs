using Parquet.Schema;
using SharedServicesPipeline.Publishing;
using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.Extracts;

public sealed class ParquetExtractsTests
{
    [Fact]
    public async Task Every_parquet_file_reads_back_equal_to_its_csv_row_by_row_and_value_by_value()
    {
        await using var mart = await TestMart.CreateAsync();
        await mart.QueryAsync(ExtractsMartSeed.SeedAsync);
        await mart.RefreshAsync();
        var run = PublishedRun.Latest(mart.ExtractsPath);

        var csvFiles = run.Manifest.Files.Where(f => f.Name.EndsWith(".csv", StringComparison.Ordinal)).ToList();
        Assert.Contains(csvFiles, f => f.Table == "fact_arrangement" && f.Rows == 6);
        Assert.Contains(csvFiles, f => f.Table == "fact_arrangement_history" && f.Rows == 6);
        foreach (var csvFile in csvFiles)
        {
            var parquetFile = run.File(csvFile.Table + ".parquet");
            Assert.Equal(csvFile.Rows, parquetFile.Rows);
            Assert.Equal(csvFile.Columns, parquetFile.Columns);
            Assert.Equal(parquetFile.Sha256, PublishedRun.Sha256(await File.ReadAllBytesAsync(run.PathOf(parquetFile.Name))));

            var csv = ExtractCsv.Read(run.PathOf(csvFile.Name));
            var parquet = await run.ReadParquetAsync(parquetFile.Name);
            Assert.Equal(csvFile.Columns.Select(c => c.Name), parquet.Schema.DataFields.Select(f => f.Name));
            Assert.Equal(csv.Count, parquet.Data.Count);
            for (var r = 0; r < csv.Count; r++)
            {
                foreach (var column in csvFile.Columns)
                {
                    CsvValueAssert.Same(column.Type, csv[r][column.Name], parquet.Data[r].GetValueOrDefault(column.Name), $"{csvFile.Table} row {r + 1} {column.Name}");
                }
            }
        }
    }

    [Fact]
    public async Task Parquet_columns_are_typed_as_the_manifest_says_with_dates_as_DATE_and_money_as_decimal()
    {
        await using var mart = await TestMart.CreateAsync();
        await mart.QueryAsync(ExtractsMartSeed.SeedAsync);
        await mart.RefreshAsync();
        var run = PublishedRun.Latest(mart.ExtractsPath);

        var facts = (await run.ReadParquetAsync("fact_arrangement.parquet")).Schema;
        var savings = Assert.IsType<DecimalDataField>(facts.DataFields.Single(f => f.Name == "annual_savings_gbp"));
        Assert.True(savings.IsNullable);
        Assert.Equal(2, savings.Scale);
        Assert.Equal(typeof(int), facts.DataFields.Single(f => f.Name == "arrangement_key").ClrType);
        Assert.False(facts.DataFields.Single(f => f.Name == "arrangement_key").IsNullable);
        Assert.Equal(typeof(bool), facts.DataFields.Single(f => f.Name == "is_cross_tier").ClrType);
        Assert.Equal(typeof(double), facts.DataFields.Single(f => f.Name == "max_partner_distance_km").ClrType);

        var authorities = (await run.ReadParquetAsync("dim_authority.parquet")).Schema;
        Assert.Equal(typeof(DateOnly), authorities.DataFields.Single(f => f.Name == "valid_from").ClrType);
        Assert.True(authorities.DataFields.Single(f => f.Name == "valid_to").IsNullable);
        Assert.Equal(typeof(double), authorities.DataFields.Single(f => f.Name == "latitude").ClrType);

        var submissions = (await run.ReadParquetAsync("dim_submission.parquet")).Schema;
        var received = Assert.IsType<DateTimeDataField>(submissions.DataFields.Single(f => f.Name == "received_at"));
        Assert.True(received.IsAdjustedToUTC);

        var manifestTypes = run.File("fact_arrangement.parquet").Columns.ToDictionary(c => c.Name, c => c.Type);
        Assert.Equal(("decimal", "double", "integer", "boolean"), (manifestTypes["annual_savings_gbp"], manifestTypes["max_partner_distance_km"], manifestTypes["arrangement_key"], manifestTypes["is_cross_tier"]));
    }
}
