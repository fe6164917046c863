using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SharedServicesPipeline.DataMart;

/// <summary>
/// Sets each SQLite connection up for a mart's work when it opens. SQLite's default page cache (2 MB) is far smaller than
/// the indexes a big load touches, so pages were evicted and read back, and dirty ones spilled to the file mid-transaction.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    // Negative: KiB. An upper bound, not an allocation: the cache grows only as pages are touched. A 100k-row load fills
    // 32 MB as readily as 8 MB and is no faster for it (bench/README.md, "Memory, the fixed cost"): 8 MB keeps the
    // indexes' hot pages and takes 20-30 MB off the ingest's peak working set.
    private const string Pragmas = "PRAGMA cache_size = -8192; PRAGMA temp_store = MEMORY;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }
}
