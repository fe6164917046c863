using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SharedServicesPipeline.DataMart;
using SharedServicesPipeline.Functions;
using SharedServicesPipeline.Functions.Functions;
using SharedServicesPipeline.Functions.Reference;
using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.Functions;

/// <summary>
/// GET /api/health is for anyone and checks nothing behind the worker: a stranger's probe cannot wake the serverless
/// database or read about the reference files. The deep check is /api/health/deep, behind a function key.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class HealthFunctionTests
{
    [Fact]
    public void Anonymous_health_probe_answers_healthy_and_holds_neither_the_mart_nor_the_reference_data()
    {
        // Structural: with no constructor parameters there is nothing behind the worker it could touch.
        Assert.Empty(typeof(Health).GetConstructors().Single().GetParameters());

        var result = new Health().Run(new DefaultHttpContext().Request);

        var ok = Assert.IsType<OkObjectResult>(result);
        Assert.Equal("healthy", JsonSerializer.SerializeToElement(ok.Value).GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("?deep=true")]
    [InlineData("?deep=TRUE")]
    [InlineData("?deep=1")]
    public void Asking_the_anonymous_health_endpoint_for_the_deep_check_is_refused_and_told_where_the_keyed_one_is(string query)
    {
        var request = new DefaultHttpContext().Request;
        request.QueryString = new QueryString(query);

        var result = Assert.IsType<ObjectResult>(new Health().Run(request));

        Assert.Equal(StatusCodes.Status401Unauthorized, result.StatusCode);
        var error = JsonSerializer.SerializeToElement(result.Value).GetProperty("error").GetString();
        Assert.Contains("function key", error, StringComparison.Ordinal);
        Assert.Contains("/api/health/deep", error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_host_lets_anyone_call_health_and_only_key_holders_call_health_deep()
    {
        // functions.metadata is what the Functions host reads to decide who may call each function.
        var bindings = FunctionsMetadata.HttpTriggers();
        Assert.Equal(("Anonymous", "health"), bindings["Health"]);
        Assert.Equal(("Function", "health/deep"), bindings["HealthDeep"]);
    }

    [Fact]
    public async Task Deep_health_check_reaches_the_mart_and_names_the_reference_data_in_use()
    {
        await using var host = await FunctionsHost.StartAsync();

        var result = await host.InScopeAsync(sp =>
            new HealthDeep(sp.GetRequiredService<MartDbContext>(), sp.GetRequiredService<ReloadingAuthorityMatcher>())
                .Run(new DefaultHttpContext().Request, CancellationToken.None));

        var answer = Assert.IsType<ObjectResult>(result);
        Assert.Equal(StatusCodes.Status200OK, answer.StatusCode);
        var body = JsonSerializer.SerializeToElement(answer.Value);
        Assert.Equal("healthy", body.GetProperty("status").GetString());
        Assert.Equal("reachable", body.GetProperty("mart").GetString());
        Assert.Equal("built-in", body.GetProperty("reference").GetProperty("source").GetString());
    }

    [Fact]
    public async Task A_worker_started_to_answer_a_health_probe_leaves_the_mart_alone_until_the_first_ingest_or_refresh()
    {
        using var folder = new TempFolder("ssp-health-");
        var mart = folder.File("mart.db");
        var reference = "t" + Guid.NewGuid().ToString("N")[..10] + "-reference";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage"] = AzuriteFixture.ConnectionString,
            ["Mart:Provider"] = "Sqlite",
            ["Mart:ConnectionString"] = $"Data Source={mart}",
            ["Containers:Reference"] = reference,
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSharedServicesFunctions(configuration);
        services.AddSingleton<ReferenceStartup>();
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });

        // What the worker does when it starts, then an anonymous probe.
        await provider.GetRequiredService<ReferenceStartup>().StartAsync(CancellationToken.None);
        Assert.IsType<OkObjectResult>(new Health().Run(new DefaultHttpContext().Request));

        // SQLite creates its file on the first connection: no file, no connection (on Azure SQL: no wake).
        Assert.False(File.Exists(mart), "the worker's start or the probe opened the mart");
        Assert.False(provider.GetRequiredService<MartSyncState>().Synced);

        // The first ingest or refresh brings the mart in line, once.
        await using (var scope = provider.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ReferenceSync>().EnsureCurrentAsync(CancellationToken.None);
            Assert.True(provider.GetRequiredService<MartSyncState>().Synced);
            Assert.NotEmpty(await scope.ServiceProvider.GetRequiredService<MartDbContext>().ServiceAreas.ToListAsync());
        }

        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public void The_readme_function_table_lists_every_function_with_its_auth()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        var start = readme.IndexOf("## Running the Functions app", StringComparison.Ordinal);
        Assert.True(start >= 0, "README has no 'Running the Functions app' section");
        var end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var section = readme[start..(end < 0 ? readme.Length : end)];
        var rows = FunctionRow().Matches(section).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["auth"].Value.Trim());
        var functions = typeof(Health).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods())
            .Select(m => (Method: m, Function: m.GetCustomAttribute<FunctionAttribute>()))
            .Where(f => f.Function is not null)
            .ToList();

        Assert.Equal(functions.Select(f => f.Function!.Name).Order(), rows.Keys.Order());
        foreach (var (method, function) in functions)
        {
            var trigger = method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(t => t is not null);
            var expected = trigger switch
            {
                null => "—",
                { AuthLevel: AuthorizationLevel.Anonymous } => "anonymous",
                _ => "function key",
            };
            Assert.True(rows[function!.Name] == expected, $"README says {function.Name} is '{rows[function.Name]}'; the code says '{expected}'");
        }
    }

    // A row of the table under "Running the Functions app": | `Name` | trigger | auth |
    [GeneratedRegex(@"^\| `(?<name>[A-Za-z]+)` \| [^|\n]+ \| (?<auth>[^|\n]+) \|$", RegexOptions.Multiline)]
    private static partial Regex FunctionRow();
}
