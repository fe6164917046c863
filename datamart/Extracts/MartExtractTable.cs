using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using SharedServicesPipeline.Publishing;

namespace SharedServicesPipeline.DataMart.Extracts;

/// <summary>
/// One extract table as the model defines it: the mart table's columns in the order the entity declares them (keys
/// first), less those <see cref="MartExtractRules"/> keeps out, named as the contract names them, typed as the entity's
/// properties, rows in key order. Read over the context's connection into typed columns, no entities materialised.
/// </summary>
internal sealed class MartExtractTable
{
    private readonly StoredColumn[] _stored;
    private readonly ComputedExtractColumn[] _computed;
    private readonly int[] _storedAt;
    private readonly Dictionary<string, int> _positionOf;

    private MartExtractTable(string name, string sql, string countSql, StoredColumn[] stored, IReadOnlyList<ExtractColumn> columns, ComputedExtractColumn[] computed)
    {
        Name = name;
        Sql = sql;
        CountSql = countSql;
        _stored = stored;
        Columns = columns;
        _computed = computed;
        _positionOf = columns.Select((c, i) => (c.Name, i)).ToDictionary(c => c.Name, c => c.i, StringComparer.Ordinal);
        _storedAt = [.. stored.Select(s => _positionOf[s.Published.Name])];
    }

    public string Name { get; }

    public string Sql { get; }

    public string CountSql { get; }

    public IReadOnlyList<ExtractColumn> Columns { get; }

    /// <summary>Every table of the model that is published, in the order the context declares its sets (then by name).</summary>
    public static IReadOnlyList<MartExtractTable> FromModel(DbContext db)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var setOrder = db.GetType().GetProperties()
            .Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(DbSet<>))
            .OrderBy(p => p.MetadataToken)
            .Select((p, i) => (Type: p.PropertyType.GetGenericArguments()[0], i))
            .ToDictionary(p => p.Type, p => p.i);
        return
        [
            .. db.Model.GetEntityTypes()
                .Where(e => e.GetTableName() is { } table && MartExtractRules.Publishes(table) && !e.IsOwned())
                .OrderBy(e => setOrder.GetValueOrDefault(e.ClrType, int.MaxValue)).ThenBy(e => e.GetTableName(), StringComparer.Ordinal)
                .Select(e => Of(e, sql)),
        ];
    }

    private static MartExtractTable Of(IEntityType entity, ISqlGenerationHelper sql)
    {
        var table = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        var stored = DeclarationOrder(entity)
            .Select(p => (Property: p, Column: p.GetColumnName(store)!))
            .Where(p => !MartExtractRules.ColumnsKeptOut.ContainsKey($"{table}.{p.Column}"))
            .Select(p => new StoredColumn(
                p.Column,
                new ExtractColumn(MartExtractRules.ColumnsPublishedAs.GetValueOrDefault($"{table}.{p.Column}", p.Column), p.Property.ClrType),
                ValueReader.For(p.Property),
                SqliteColumnReader.For(p.Property),
                p.Property.IsColumnNullable(store)))
            .ToArray();

        var columns = stored.Select(s => s.Published).ToList();
        var computed = MartExtractRules.Computed.Where(c => c.Table == table).ToArray();
        foreach (var extra in computed)
        {
            var before = columns.FindIndex(c => c.Name == extra.Before);
            columns.Insert(before < 0 ? columns.Count : before, new ExtractColumn(extra.Name, extra.Type));
        }

        var key = MartExtractRules.RowsOrderedBy.TryGetValue(table, out var order)
            ? order.Select(c => sql.DelimitIdentifier(c))
            : entity.FindPrimaryKey()?.Properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(store)!)) ?? [];
        var select = $"SELECT {string.Join(", ", stored.Select(s => sql.DelimitIdentifier(s.Stored)))} FROM {sql.DelimitIdentifier(table, entity.GetSchema())}"
            + (key.Any() ? $" ORDER BY {string.Join(", ", key)}" : "");
        var count = $"SELECT COUNT(*) FROM {sql.DelimitIdentifier(table, entity.GetSchema())}";
        return new MartExtractTable(MartExtractRules.TablesPublishedAs.GetValueOrDefault(table, table), select, count, stored, columns, computed);
    }

    /// <summary>The entity's properties as its class declares them (the model's own order is alphabetical), keys first.</summary>
    private static IEnumerable<IProperty> DeclarationOrder(IEntityType entity)
    {
        var declared = entity.ClrType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .OrderBy(p => p.MetadataToken)
            .Select((p, i) => (p.Name, i))
            .ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);
        return entity.GetProperties()
            .OrderBy(p => p.IsPrimaryKey() ? 0 : 1)
            .ThenBy(p => declared.GetValueOrDefault(p.Name, int.MaxValue))
            .ThenBy(p => p.Name, StringComparer.Ordinal);
    }

    /// <summary>
    /// Reads the table's rows, in key order, over <paramref name="db"/>'s connection, each value straight into its
    /// column's typed store as it is read (no row of boxed values is made): on SQLite from the engine itself
    /// (<see cref="SqliteColumnReader"/>), elsewhere through a data reader.
    /// </summary>
    /// <param name="dataReader">Read through the data reader even on SQLite (to compare the two readings).</param>
    public async Task<ExtractTable> ReadAsync(DbContext db, CancellationToken cancellationToken, bool dataReader = false)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            // Each column is made its final size at once: grown by doubling, a 100k table's columns were copied
            // again and again on the large object heap, and each copy brought the next full collection closer.
            var rows = await CountAsync(db, cancellationToken);
            var values = Columns.Select(c => ExtractValues.For(c.Type, rows)).ToArray();
            var stored = _storedAt.Select(at => values[at]).ToArray();
            if (!dataReader && db.Database.GetDbConnection() is Microsoft.Data.Sqlite.SqliteConnection sqlite && _stored.All(c => c.ReadSqlite is not null))
            {
                SqliteColumnReader.Read(sqlite, Name, Sql, [.. _stored.Select(c => c.ReadSqlite!)], [.. _stored.Select(c => c.Nullable)], stored, cancellationToken);
            }
            else
            {
                await ReadAsync(db, stored, cancellationToken);
            }

            Compute(values);
            foreach (var column in values)
            {
                column.Complete();
            }

            return new ExtractTable(Name, Columns, values);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>How many rows the table has now (a hint for the columns' size: rows added meanwhile still fit).</summary>
    private async Task<int> CountAsync(DbContext db, CancellationToken cancellationToken)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = CountSql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        if (db.Database.GetCommandTimeout() is { } timeout)
        {
            command.CommandTimeout = timeout;
        }

        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Reads through a data reader (SQL Server, or a column SQLite's own reading does not cover).</summary>
    private async Task ReadAsync(DbContext db, ExtractValues[] stored, CancellationToken cancellationToken)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = Sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        if (db.Database.GetCommandTimeout() is { } timeout)
        {
            command.CommandTimeout = timeout;
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            for (var c = 0; c < _stored.Length; c++)
            {
                // A NOT NULL column is not asked whether it is null (a call into the provider per value saved).
                if (_stored[c].Nullable && reader.IsDBNull(c))
                {
                    stored[c].AddNull();
                }
                else
                {
                    _stored[c].Read(reader, c, stored[c]);
                }
            }
        }
    }

    /// <summary>Fills the computed columns, row by row, from the row's published values.</summary>
    private void Compute(ExtractValues[] values)
    {
        var rows = _stored.Length == 0 ? 0 : values[_storedAt[0]].Count;
        foreach (var column in _computed)
        {
            var target = values[_positionOf[column.Name]];
            for (var row = 0; row < rows; row++)
            {
                target.AddBoxed(column.Value(name => values[_positionOf[name]].Boxed(row)));
            }
        }
    }

    private sealed record StoredColumn(string Stored, ExtractColumn Published, Action<DbDataReader, int, ExtractValues> Read, Action<SQLitePCL.sqlite3_stmt, int, ExtractValues>? ReadSqlite, bool Nullable);
}
