using System.CommandLine;
using Microsoft.Data.Sqlite;
using SharedServicesPipeline.Cli;
using SharedServicesPipeline.Cli.Commands;
using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.Mart;

/// <summary>
/// Analysts open the local mart with the SQLite their tools bundle, often older than ours: a view one of them cannot
/// parse makes the whole file unreadable to it. The mart built by the demo is read, every table and view, by three
/// older engines that test.sh installs: Debian's sqlite3 shell and Python module (3.40) and sql.js 1.4.0 (3.33).
/// </summary>
public sealed class OlderSqliteTests : IClassFixture<OlderSqliteTests.DemoMart>
{
    private readonly DemoMart _mart;

    public OlderSqliteTests(DemoMart mart) => _mart = mart;

    [Fact]
    public async Task Debian_sqlite3_shell_reads_every_table_and_view_of_the_demo_mart()
    {
        var version = (await RunAsync("sqlite3", "-readonly", _mart.Path, "SELECT sqlite_version();")).Trim();
        AssertOlderThanOurs(version);
        var counts = new Dictionary<string, long>();
        foreach (var name in _mart.Counts.Keys)
        {
            counts[name] = long.Parse((await RunAsync("sqlite3", "-readonly", _mart.Path, $"SELECT count(*) FROM (SELECT * FROM \"{name}\");")).Trim());
        }

        Assert.Equal(_mart.Counts, counts);
    }

    [Fact]
    public async Task Python_sqlite3_module_reads_every_table_and_view_of_the_demo_mart()
    {
        var output = await RunAsync("python3", Script("read_every_table.py"), _mart.Path);
        AssertReadEverything(output);
    }

    [Fact]
    public async Task Sqlite_3_33_through_sql_js_reads_every_table_and_view_of_the_demo_mart()
    {
        var output = await RunAsync("node", Script("read-every-table.js"), _mart.Path);
        Assert.StartsWith("sqlite 3.33.", output, StringComparison.Ordinal);
        AssertReadEverything(output);
    }

    [Fact]
    public async Task The_arrangement_view_lists_partners_alphabetically_without_the_3_44_syntax()
    {
        await using var connection = new SqliteConnection($"Data Source={_mart.Path};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT v.partners, (SELECT group_concat(a.name, '; ' ORDER BY a.name)
                                  FROM bridge_arrangement_partner AS b JOIN dim_authority AS a ON a.authority_key = b.authority_key
                                 WHERE b.arrangement_key = v.arrangement_key)
              FROM vw_arrangement AS v;
            """;
        var rows = 0;
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                Assert.Equal(reader.GetString(1), reader.GetString(0));
                rows++;
            }
        }

        Assert.True(rows > 10, $"only {rows} arrangements in the demo mart");
        command.CommandText = "SELECT sql FROM sqlite_master WHERE type = 'view';";
        var views = new List<string>();
        await using (var sql = await command.ExecuteReaderAsync())
        {
            while (await sql.ReadAsync())
            {
                views.Add(sql.GetString(0));
            }
        }

        Assert.All(views, view => Assert.DoesNotMatch(@"group_concat\([^)]*ORDER BY", view));
    }

    private void AssertReadEverything(string output)
    {
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        AssertOlderThanOurs(lines[0]["sqlite ".Length..]);
        var counts = lines.Skip(1).Select(l => l.Split(' ')).ToDictionary(p => p[0], p => long.Parse(p[1]));
        Assert.Equal(_mart.Counts, counts);
    }

    private void AssertOlderThanOurs(string version)
    {
        Assert.True(Version.Parse(version) < Version.Parse(_mart.OurVersion), $"SQLite {version} is not older than the bundled {_mart.OurVersion}");
    }

    private static string Script(string name) => System.IO.Path.Combine(RepositoryPaths.Root, "tests", "TestData", "older-sqlite", name);

    private static async Task<string> RunAsync(string program, params string[] args)
    {
        // sql.js is installed with the test services (tools/test-services) from their lock file.
        var environment = new Dictionary<string, string> { ["NODE_PATH"] = System.IO.Path.Combine(RepositoryPaths.Root, "tools", "test-services", "node_modules") };
        var (exitCode, output, error) = await ChildProcess.RunAsync(program, args, environment, timeout: TimeSpan.FromMinutes(2));
        Assert.True(exitCode == 0, $"{program} failed ({exitCode}): {error}");
        return output;
    }

    /// <summary>A mart built by `ssp demo` from the samples, with the row count of every table and view as we read them.</summary>
    public sealed class DemoMart : IAsyncLifetime, IDisposable
    {
        private readonly TempFolder _folder = new("ssp-older-sqlite-");

        public string Path => _folder.File("sharedservices.db");

        public Dictionary<string, long> Counts { get; } = [];

        public string OurVersion { get; private set; } = "";

        public async Task InitializeAsync()
        {
            var root = new RootCommand { CommonOptions.Database, CommonOptions.Output, DemoCommand.Create() };
            var exit = await root.Parse(["demo", "--db", Path, "--out", _folder.File("extracts"), "--samples", RepositoryPaths.Samples]).InvokeAsync();
            Assert.Equal(ExitCodes.Success, exit);
            // Closing every pooled connection checkpoints the write-ahead log into the file, as the end of `ssp` does:
            // sql.js reads the file's bytes alone.
            SqliteConnection.ClearAllPools();
            await using var connection = new SqliteConnection($"Data Source={Path};Mode=ReadOnly;Pooling=False");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT sqlite_version();";
            OurVersion = (string)(await command.ExecuteScalarAsync())!;
            command.CommandText = "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') ORDER BY name;";
            var names = new List<string>();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    names.Add(reader.GetString(0));
                }
            }

            foreach (var name in names)
            {
                command.CommandText = $"SELECT count(*) FROM \"{name}\";";
                Counts[name] = (long)(await command.ExecuteScalarAsync())!;
            }
        }

        public Task DisposeAsync()
        {
            Dispose();
            return Task.CompletedTask;
        }

        public void Dispose() => _folder.Dispose();
    }
}
