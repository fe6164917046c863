using System.Diagnostics;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SharedServicesPipeline.DataMart;
using SQLitePCL;

namespace SharedServicesPipeline.Bench.Scenarios;

/// <summary>
/// What loading a file's rows must cost at least: every row the loader wrote (facts, bridge, history, held rows, the
/// submission, review names, any new dimension members), read back from its mart beforehand as ready-made values, then
/// inserted into a fresh mart (same schema, indexes and connection settings) with one prepared statement per table,
/// stepped per row, in one transaction. No reading back, no bookkeeping, no data tests: the floor.
/// </summary>
internal static class LoadFloor
{
    public sealed record Result(double Ms, double CpuMs, long Rows, IReadOnlyList<(string Table, int Rows)> Tables);

    /// <param name="loaded">The mart the loader wrote into (fresh before the load).</param>
    /// <param name="fresh">A mart initialised as the loaded one was before its load.</param>
    public static async Task<Result> MeasureAsync(BenchMart loaded, BenchMart fresh)
    {
        await using var freshScope = fresh.Services.CreateAsyncScope();
        var db = freshScope.ServiceProvider.GetRequiredService<MartDbContext>();
        await db.Database.OpenConnectionAsync(); // the mart's own connection settings (page cache, temp store)
        var target = (SqliteConnection)db.Database.GetDbConnection();

        // The rows the load added: those past the fresh mart's last rowid, table by table (both were initialised alike).
        var tables = new List<Table>();
        await using (var loadedScope = loaded.Services.CreateAsyncScope())
        {
            var source = loadedScope.ServiceProvider.GetRequiredService<MartDbContext>();
            await source.Database.OpenConnectionAsync();
            var connection = (SqliteConnection)source.Database.GetDbConnection();
            foreach (var name in TableNames(connection))
            {
                var after = Scalar(target, $"SELECT coalesce(max(rowid), 0) FROM \"{name}\"");
                if (ReadRows(connection, name, after) is { Rows.Count: > 0 } table)
                {
                    tables.Add(table);
                }
            }
        }

        var handle = target.Handle!;
        var cpu = Measurement.CpuClock.Start();
        var started = Stopwatch.GetTimestamp();
        Check(handle, raw.sqlite3_exec(handle, "BEGIN IMMEDIATE"));
        foreach (var table in tables)
        {
            Insert(handle, table);
        }

        Check(handle, raw.sqlite3_exec(handle, "COMMIT"));
        var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        return new Result(ms, cpu.ElapsedMs, tables.Sum(t => (long)t.Rows.Count), [.. tables.Select(t => (t.Name, t.Rows.Count))]);
    }

    // Dimensions first, then the facts, then what points at them (the mart enforces its foreign keys).
    private static List<string> TableNames(SqliteConnection connection)
    {
        var names = new List<string>();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '\\_\\_%' ESCAPE '\\'";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return [.. names.OrderBy(n => n.StartsWith("dim_", StringComparison.Ordinal) ? 0 : n == "fact_arrangement" ? 1 : 2).ThenBy(n => n, StringComparer.Ordinal)];
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static Table ReadRows(SqliteConnection connection, string name, long afterRowid)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{name}\" WHERE rowid > $after ORDER BY rowid";
        command.Parameters.AddWithValue("$after", afterRowid);
        using var reader = command.ExecuteReader();
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[columns.Length];
            for (var i = 0; i < row.Length; i++)
            {
                // Ready-made: text already UTF-8, as the statement binds it.
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i) is string text ? Encoding.UTF8.GetBytes(text) : reader.GetValue(i) is byte[] blob ? new Blob(blob) : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return new Table(name, columns, rows);
    }

    private static void Insert(sqlite3 handle, Table table)
    {
        var sql = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", table.Columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", table.Columns.Select((_, i) => $"?{i + 1}"))})";
        Check(handle, raw.sqlite3_prepare_v2(handle, sql, out var statement));
        try
        {
            foreach (var row in table.Rows)
            {
                for (var i = 0; i < row.Length; i++)
                {
                    var rc = row[i] switch
                    {
                        null => raw.sqlite3_bind_null(statement, i + 1),
                        byte[] text => text.Length == 0 ? raw.sqlite3_bind_text(statement, i + 1, string.Empty) : raw.sqlite3_bind_text(statement, i + 1, text),
                        long n => raw.sqlite3_bind_int64(statement, i + 1, n),
                        double d => raw.sqlite3_bind_double(statement, i + 1, d),
                        Blob b => raw.sqlite3_bind_blob(statement, i + 1, b.Bytes),
                        var other => throw new NotSupportedException(other.GetType().Name),
                    };
                    Check(handle, rc);
                }

                var step = raw.sqlite3_step(statement);
                raw.sqlite3_reset(statement);
                if (step != raw.SQLITE_DONE)
                {
                    Check(handle, step);
                }
            }
        }
        finally
        {
            raw.sqlite3_finalize(statement);
        }
    }

    private static void Check(sqlite3 handle, int rc)
    {
        if (rc is not raw.SQLITE_OK and not raw.SQLITE_DONE)
        {
            throw new SqliteException(raw.sqlite3_errmsg(handle).utf8_to_string(), rc);
        }
    }

    private sealed record Table(string Name, string[] Columns, List<object?[]> Rows);

    private sealed record Blob(byte[] Bytes);
}
