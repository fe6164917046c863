using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;

namespace SharedServicesPipeline.DataMart;

/// <summary>
/// Whether the mart has every migration this build carries: the ids in its history table against the migrations in the
/// assembly. The answer of EF Core's <c>GetPendingMigrations</c>, without what it costs a cold process first: building
/// (with the whole convention set) a model of the history table, which the compiled model otherwise spares it.
/// </summary>
internal static class AppliedMigrations
{
    public static async Task<bool> AreCurrentAsync(MartDbContext db, CancellationToken cancellationToken)
    {
        var history = db.GetService<IHistoryRepository>();
        if (!await history.ExistsAsync(cancellationToken))
        {
            return false;
        }

        var options = RelationalOptionsExtension.Extract(db.GetService<IDbContextOptions>());
        var sql = db.GetService<ISqlGenerationHelper>();
        var table = sql.DelimitIdentifier(options.MigrationsHistoryTableName ?? HistoryRepository.DefaultTableName, options.MigrationsHistoryTableSchema ?? db.Model.GetDefaultSchema());
        var applied = new HashSet<string>(StringComparer.Ordinal);
        await using (var reader = await RawSql.ReadAsync(db, $"SELECT {sql.DelimitIdentifier(nameof(HistoryRow.MigrationId))} FROM {table}", [], CommandSource.Migrations, cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                applied.Add(reader.DbDataReader.GetString(0));
            }
        }

        return db.Database.GetMigrations().All(applied.Contains);
    }
}
