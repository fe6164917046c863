using Microsoft.EntityFrameworkCore;
using SharedServicesPipeline.DataMart;
using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.Mart;

/// <summary>The start-up check that decides whether to migrate: the answer EF Core's GetPendingMigrations gives, in every case.</summary>
public sealed class AppliedMigrationsTests
{
    [Fact]
    public async Task A_new_empty_database_is_not_current_and_starting_on_it_migrates_it()
    {
        using var folder = new TempFolder("ssp-migrations-");
        var path = folder.File("new.db");
        await using (var db = Open(path))
        {
            Assert.False(await AppliedMigrations.AreCurrentAsync(db, CancellationToken.None));
            Assert.NotEmpty(await db.Database.GetPendingMigrationsAsync());
        }

        await using var mart = await RegisterMart.CreateAsync(databasePath: path);

        await using var after = Open(path);
        Assert.True(await AppliedMigrations.AreCurrentAsync(after, CancellationToken.None));
        Assert.Empty(await after.Database.GetPendingMigrationsAsync());
        Assert.Equal(0, await after.Arrangements.CountAsync());
    }

    [Fact]
    public async Task A_mart_missing_one_of_the_builds_migrations_is_not_current()
    {
        await using var mart = await RegisterMart.CreateAsync();
        var latest = await mart.QueryAsync(db => Task.FromResult(db.Database.GetMigrations().Last()));
        await mart.QueryAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM __EFMigrationsHistory WHERE MigrationId = {0}", latest));

        await using var db = Open(mart.DatabasePath);
        Assert.False(await AppliedMigrations.AreCurrentAsync(db, CancellationToken.None));
        Assert.Equal([latest], await db.Database.GetPendingMigrationsAsync());
    }

    private static SqliteMartDbContext Open(string path) =>
        new(new DbContextOptionsBuilder<SqliteMartDbContext>().UseSqlite($"Data Source={path}").Options);
}
