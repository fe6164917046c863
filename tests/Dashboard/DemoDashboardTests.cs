using System.Text.Json;
using Microsoft.Data.Sqlite;
using SharedServicesPipeline.Publishing.Dashboard;
using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.Dashboard;

/// <summary>`ssp demo` publishes dashboard.html beside the extracts, with the mart's figures in it.</summary>
public sealed class DemoDashboardTests
{
    [Fact]
    public async Task Ssp_demo_writes_a_dashboard_whose_figures_are_the_marts()
    {
        using var folder = new TempFolder("ssp-demo-");
        var database = folder.File("demo.db");
        var extracts = folder.File("extracts");

        var (exitCode, output) = await RunSspAsync("demo", "--db", database, "--out", extracts, "--samples", RepositoryPaths.Samples);

        Assert.True(exitCode == 0, output);
        var html = await File.ReadAllTextAsync(Path.Combine(extracts, DashboardArtifact.FileName));
        var manifest = await File.ReadAllTextAsync(Path.Combine(extracts, "manifest.json"));
        Assert.Contains("\"dashboard.html\"", manifest, StringComparison.Ordinal);
        var model = ReadModel(html);

        await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        Assert.Equal(await ScalarAsync(connection, "SELECT COUNT(*) FROM fact_arrangement"), model.GetProperty("headline").GetProperty("arrangements").GetInt64());
        Assert.Equal(
            await ScalarAsync(connection, "SELECT COUNT(DISTINCT a.authority_code) FROM bridge_arrangement_partner p JOIN dim_authority a ON a.authority_key = p.authority_key WHERE a.sector = 'council'"),
            model.GetProperty("headline").GetProperty("councilsSharing").GetInt64());
        Assert.Equal(
            await ScalarAsync(connection, "SELECT COUNT(*) FROM fact_arrangement f JOIN dim_service_area s ON s.service_area_key = f.service_area_key WHERE s.category = 'Front office'"),
            model.GetProperty("headline").GetProperty("frontOfficeArrangements").GetInt64());
        Assert.Equal(await ScalarAsync(connection, "SELECT COUNT(*) FROM fact_arrangement"), model.GetProperty("arrangements").GetArrayLength());
    }

    private static JsonElement ReadModel(string html)
    {
        const string Open = "<script type=\"application/json\" id=\"dashboard-data\">";
        var start = html.IndexOf(Open, StringComparison.Ordinal) + Open.Length;
        var end = html.IndexOf("</script>", start, StringComparison.Ordinal);
        return JsonDocument.Parse(html[start..end]).RootElement.Clone();
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<(int ExitCode, string Output)> RunSspAsync(params string[] arguments)
    {
        var (exit, output, error) = await SspProcess.RunAsync(Directory.GetCurrentDirectory(), arguments);
        return (exit, output + error);
    }
}
