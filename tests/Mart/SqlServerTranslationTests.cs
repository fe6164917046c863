using Microsoft.EntityFrameworkCore;
using SharedServicesPipeline.DataMart;
using SharedServicesPipeline.DataMart.Quality;

namespace SharedServicesPipeline.Tests.Mart;

/// <summary>No SQL Server runs here, so prove at least that what runs in every production load translates to T-SQL.</summary>
public sealed class SqlServerTranslationTests
{
    [Fact]
    public async Task Every_data_test_translates_to_sql_server_in_schema_mart()
    {
        var offline = new OfflineSqlServer();
        await using var db = new SqlServerMartDbContext(new DbContextOptionsBuilder<SqlServerMartDbContext>()
            .UseSqlServer("Server=offline;Database=mart;Integrated Security=true")
            .AddInterceptors(offline)
            .Options);

        await MartDataTests.RunAsync(db, submissionKey: 7, CancellationToken.None);
        var scoped = offline.Commands.Count;
        await MartDataTests.RunAsync(db, submissionKey: null, CancellationToken.None);

        Assert.True(scoped >= 40, $"only {scoped} queries ran");
        Assert.Equal(scoped, offline.Commands.Count - scoped);
        Assert.All(offline.Commands, sql => Assert.Contains("[mart].[", sql, StringComparison.Ordinal));
        Assert.Contains(offline.Commands, sql => sql.Contains("FROM [mart].[bridge_arrangement_partner]", StringComparison.Ordinal) && sql.Contains("[partner_count]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Views_are_read_from_schema_mart_on_sql_server()
    {
        await using var db = new SqlServerMartDbContext(new DbContextOptionsBuilder<SqlServerMartDbContext>()
            .UseSqlServer("Server=offline;Database=mart;Integrated Security=true")
            .Options);

        Assert.Contains("FROM [mart].[vw_arrangement]", db.ArrangementView.ToQueryString(), StringComparison.Ordinal);
        Assert.Contains("FROM [mart].[vw_council_sharing]", db.CouncilSharingView.Where(c => c.ArrangementCount == 0).ToQueryString(), StringComparison.Ordinal);
    }
}
