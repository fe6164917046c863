using System.Globalization;
using System.Text.Json;
using SharedServicesPipeline.Publishing;
using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.Extracts;

/// <summary>
/// Analysts read the Parquet extracts with DuckDB (directly, or through Python's and R's duckdb packages), whose Parquet
/// reader is its own, not the library that wrote the files. Every file is read by DuckDB 1.5 (installed by test.sh from
/// tools/test-services) and must give the manifest's columns, in order, typed as the manifest says, with the CSV's values.
/// </summary>
public sealed class DuckDbParquetTests
{
    [Fact]
    public async Task DuckDB_reads_every_parquet_file_with_the_manifest_types_and_the_csv_values()
    {
        await using var mart = await TestMart.CreateAsync();
        await mart.QueryAsync(ExtractsMartSeed.SeedAsync);
        await mart.RefreshAsync();
        var run = PublishedRun.Latest(mart.ExtractsPath);

        var read = await ReadWithDuckDbAsync(run.Folder);

        var parquetFiles = run.Manifest.Files.Where(f => f.Name.EndsWith(".parquet", StringComparison.Ordinal)).ToList();
        Assert.Contains(parquetFiles, f => f.Table == "fact_arrangement" && f.Rows == 6);
        Assert.Equal(parquetFiles.Select(f => f.Name).Order(StringComparer.Ordinal), read.Keys.Order(StringComparer.Ordinal));
        foreach (var parquetFile in parquetFiles)
        {
            var file = read[parquetFile.Name];
            Assert.Equal(parquetFile.Columns.Select(c => c.Name), file.Columns.Select(c => c.Name));
            foreach (var (manifest, duck) in parquetFile.Columns.Zip(file.Columns))
            {
                Assert.True(IsDuckDbTypeFor(manifest.Type, duck.Type), $"{parquetFile.Name} {manifest.Name}: the manifest says {manifest.Type}, DuckDB reads {duck.Type}");
            }

            var csv = ExtractCsv.Read(run.PathOf(parquetFile.Table + ".csv"));
            Assert.Equal(csv.Count, file.Rows.Count);
            Assert.Equal(parquetFile.Rows, file.Rows.Count);
            for (var r = 0; r < csv.Count; r++)
            {
                for (var c = 0; c < parquetFile.Columns.Count; c++)
                {
                    var column = parquetFile.Columns[c];
                    CsvValueAssert.Same(column.Type, csv[r][column.Name], Typed(column.Type, file.Rows[r][c]), $"DuckDB {parquetFile.Name} row {r + 1} {column.Name}");
                }
            }
        }
    }

    private static bool IsDuckDbTypeFor(string manifestType, string duckType) => manifestType switch
    {
        ExtractTypes.Integer => duckType is "INTEGER" or "BIGINT" or "SMALLINT",
        ExtractTypes.Decimal => duckType.StartsWith("DECIMAL(", StringComparison.Ordinal),
        ExtractTypes.Double => duckType == "DOUBLE",
        ExtractTypes.Boolean => duckType == "BOOLEAN",
        ExtractTypes.Date => duckType == "DATE",
        ExtractTypes.DateTime => duckType == "TIMESTAMP WITH TIME ZONE",
        _ => duckType == "VARCHAR",
    };

    /// <summary>DuckDB's JSON of a value (decimals and instants as text) as the typed value a Parquet reader gives.</summary>
    private static object? Typed(string manifestType, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var inv = CultureInfo.InvariantCulture;
        return manifestType switch
        {
            ExtractTypes.Integer => value.ValueKind == JsonValueKind.String ? long.Parse(value.GetString()!, inv) : value.GetInt64(),
            ExtractTypes.Decimal => value.ValueKind == JsonValueKind.String ? decimal.Parse(value.GetString()!, inv) : value.GetDecimal(),
            ExtractTypes.Double => value.GetDouble(),
            ExtractTypes.Boolean => value.GetBoolean(),
            ExtractTypes.Date => DateOnly.ParseExact(value.GetString()!, "yyyy-MM-dd", inv),
            ExtractTypes.DateTime => DateTimeOffset.Parse(value.GetString()!, inv).UtcDateTime,
            _ => value.GetString(),
        };
    }

    private static async Task<Dictionary<string, DuckDbFile>> ReadWithDuckDbAsync(string folder)
    {
        // DuckDB is installed with the test services (tools/test-services) from their lock file.
        var modules = Path.Combine(RepositoryPaths.Root, "tools", "test-services", "node_modules");
        var script = Path.Combine(RepositoryPaths.Root, "tests", "TestData", "duckdb", "read-parquet.js");
        var (exitCode, output, error) = await ChildProcess.RunAsync("node", [script, folder], new Dictionary<string, string> { ["NODE_PATH"] = modules }, timeout: TimeSpan.FromMinutes(2));
        Assert.True(exitCode == 0, $"DuckDB could not read the extracts ({exitCode}): {error}");

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("v1.", JsonDocument.Parse(lines[0]).RootElement.GetProperty("duckdb").GetString(), StringComparison.Ordinal);
        var files = new Dictionary<string, DuckDbFile>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(1))
        {
            var root = JsonDocument.Parse(line).RootElement;
            var columns = root.GetProperty("columns").EnumerateArray().Select(c => (c.GetProperty("name").GetString()!, c.GetProperty("type").GetString()!)).ToList();
            var rows = root.GetProperty("rows").EnumerateArray().Select(r => r.EnumerateArray().ToList()).ToList();
            files[root.GetProperty("file").GetString()!] = new DuckDbFile(columns, rows);
        }

        return files;
    }

    private sealed record DuckDbFile(List<(string Name, string Type)> Columns, List<List<JsonElement>> Rows);
}
