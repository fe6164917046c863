using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using SQLitePCL;

namespace SharedServicesPipeline.DataMart.Loading;

/// <summary>
/// Which of a load's keys a table already holds, on SQLite: one statement prepared once, the key bound and stepped per key,
/// each a probe of the key's unique index, in the load's transaction (the connection's own). Why: the loader asks this of
/// every row, and a LINQ <c>Contains</c> over 500 keys a query cost EF Core its translation of the list and
/// Microsoft.Data.Sqlite a lookup of each of 500 parameters by name, about five times SQLite's own work.
/// </summary>
internal sealed class SqliteKeyLookup : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;

    private SqliteKeyLookup(sqlite3 db, string sql)
    {
        _db = db;
        Sql = sql;
        Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
    }

    /// <summary>The statement, for a test to ask SQLite how it runs it.</summary>
    internal string Sql { get; }

    /// <summary>A lookup of <typeparamref name="T"/>'s <paramref name="property"/> (a text column with a unique index), as
    /// the EF model maps them.</summary>
    public static SqliteKeyLookup For<T>(DbContext db, string property)
    {
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the mart's model.");
        var tableName = entityType.GetTableName() ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped to a table.");
        var column = entityType.FindProperty(property)?.GetColumnName(StoreObjectIdentifier.Table(tableName, entityType.GetSchema()))
            ?? throw new InvalidOperationException($"{typeof(T).Name}.{property} is not mapped to a column.");
        var sql = db.GetService<ISqlGenerationHelper>();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var handle = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        return new SqliteKeyLookup(handle, $"SELECT 1 FROM {sql.DelimitIdentifier(tableName, entityType.GetSchema())} WHERE {sql.DelimitIdentifier(column)} = ?1");
    }

    /// <summary>The keys of <paramref name="keys"/> the table holds, in their order.</summary>
    public List<string> Existing(IEnumerable<string> keys)
    {
        var found = new List<string>();
        foreach (var key in keys)
        {
            Check(raw.sqlite3_bind_text(_statement, 1, key));
            var rc = raw.sqlite3_step(_statement);
            raw.sqlite3_reset(_statement);
            if (rc == raw.SQLITE_ROW)
            {
                found.Add(key);
            }
            else if (rc != raw.SQLITE_DONE)
            {
                Check(rc);
            }
        }

        return found;
    }

    public void Dispose() => raw.sqlite3_finalize(_statement);

    private void Check(int rc) => SqliteResultCode.Check(_db, rc);
}
