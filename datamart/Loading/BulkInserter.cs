using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace SharedServicesPipeline.DataMart.Loading;

/// <summary>
/// Inserts many new rows of one entity type in the load's transaction, bypassing the change tracker. Tables, columns,
/// value converters and parameter types all come from the EF model, so what is stored is what EF itself would store on
/// either provider; only store-generated keys are left out. On SQL Server, multi-row parameterised INSERTs (the caller
/// reads the keys back); on SQLite, one prepared statement stepped per row, which also hands each row its key.
/// Why: EF's per-entity inserts cost a tracked entity and a command per row (540k commands for a 100k-row file).
/// </summary>
internal sealed class BulkInserter<T>
    where T : class
{
    // SQL Server allows 2,100 parameters and 1,000 rows per VALUES list: many rows a statement save round trips there.
    // SQLite is in-process (no round trips): one row a statement, prepared once and re-executed, is its fastest way.
    private const int MaxParameters = 2_000;
    private const int MaxRows = 1_000;

    private readonly DbConnection _connection;
    private readonly DbTransaction? _transaction;
    private readonly Column[] _columns;
    private readonly string _insertInto;
    private readonly int _rowsPerStatement;
    private readonly int? _timeoutSeconds;
    private readonly bool _sqlite;
    private readonly IProperty? _generatedKey;
    private SqliteColumn<T>[]? _sqliteColumns;
    private Action<T, long>? _setKey;

    public BulkInserter(DbContext db)
    {
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the mart's model.");
        var tableName = entityType.GetTableName() ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped to a table.");
        var table = StoreObjectIdentifier.Table(tableName, entityType.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        _columns =
        [
            .. entityType.GetProperties()
                .Where(p => !(p.IsPrimaryKey() && p.ValueGenerated.HasFlag(ValueGenerated.OnAdd)))
                .Select(p => new Column(p, p.GetColumnName(table) ?? p.Name, p.GetRelationalTypeMapping(), p.GetGetter())),
        ];
        _insertInto = $"INSERT INTO {sql.DelimitIdentifier(tableName, entityType.GetSchema())} ({string.Join(", ", _columns.Select(c => sql.DelimitIdentifier(c.Name)))}) VALUES ";
        _sqlite = db.Database.IsSqlite();
        _rowsPerStatement = _sqlite ? 1 : Math.Clamp(MaxParameters / _columns.Length, 1, MaxRows);
        _generatedKey = entityType.FindPrimaryKey() is { Properties: [{ ValueGenerated: ValueGenerated.OnAdd } key] } ? key : null;
        _connection = db.Database.GetDbConnection();
        _transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        _timeoutSeconds = db.Database.GetCommandTimeout();
    }

    /// <summary>True when <see cref="InsertAsync"/> sets each new row's store-generated key on the entity (SQLite).</summary>
    public bool SetsGeneratedKeys => _sqlite && _generatedKey is not null;

    public async Task<int> InsertAsync(IReadOnlyList<T> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return 0;
        }

        if (_sqlite)
        {
            InsertSqlite(rows, cancellationToken);
            return rows.Count;
        }

        // One prepared command for the full batches, reused with new values; one more for the remainder.
        DbCommand? full = null;
        try
        {
            var offset = 0;
            for (; rows.Count - offset >= _rowsPerStatement; offset += _rowsPerStatement)
            {
                full ??= CreateCommand(_rowsPerStatement);
                Bind(full, rows, offset, _rowsPerStatement);
                await full.ExecuteNonQueryAsync(cancellationToken);
            }

            if (offset < rows.Count)
            {
                await using var rest = CreateCommand(rows.Count - offset);
                Bind(rest, rows, offset, rows.Count - offset);
                await rest.ExecuteNonQueryAsync(cancellationToken);
            }

            return rows.Count;
        }
        finally
        {
            if (full is not null)
            {
                await full.DisposeAsync();
            }
        }
    }

    internal int RowsPerStatement => _rowsPerStatement;

    private void InsertSqlite(IReadOnlyList<T> rows, CancellationToken cancellationToken)
    {
        var text = new System.Text.StringBuilder(_insertInto).Append('(');
        for (var column = 0; column < _columns.Length; column++)
        {
            text.Append(column == 0 ? "?" : ", ?").Append(column + 1);
        }

        using var inserter = new SqliteRowInserter((Microsoft.Data.Sqlite.SqliteConnection)_connection, text.Append(')').ToString());
        var columns = _sqliteColumns ??= [.. _columns.Select(c => SqliteColumn<T>.For(c.Property, c.Mapping))];
        var setKey = _generatedKey is null ? null : _setKey ??= KeySetter(_generatedKey);
        for (var row = 0; row < rows.Count; row++)
        {
            if ((row & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var entity = rows[row];
            for (var column = 0; column < columns.Length; column++)
            {
                columns[column].Bind(inserter, column + 1, entity);
            }

            var key = inserter.Step();
            setKey?.Invoke(entity, key);
        }
    }

    // The new row's rowid onto its key property: a typed delegate for an int key (every generated key in the mart), not
    // reflection per row.
    private static Action<T, long> KeySetter(IProperty key)
    {
        if (key.PropertyInfo?.SetMethod is { } setter && key.ClrType == typeof(int))
        {
            var set = setter.CreateDelegate<Action<T, int>>();
            return (entity, rowid) => set(entity, checked((int)rowid));
        }

        return key.PropertyInfo is { } property
            ? (entity, rowid) => property.SetValue(entity, Convert.ChangeType(rowid, property.PropertyType, System.Globalization.CultureInfo.InvariantCulture))
            : static (_, _) => { };
    }

    private static object? ProviderValue(Column column, T entity)
    {
        var value = column.Getter.GetClrValueUsingContainingEntity(entity);
        return value is not null && column.Mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value;
    }

    internal DbCommand CreateCommand(int rowCount)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        if (_timeoutSeconds is { } timeout)
        {
            command.CommandTimeout = timeout;
        }

        var text = new System.Text.StringBuilder(_insertInto, _insertInto.Length + (rowCount * _columns.Length * 8));
        for (var row = 0; row < rowCount; row++)
        {
            text.Append(row == 0 ? "(" : ", (");
            for (var column = 0; column < _columns.Length; column++)
            {
                var name = $"@p{row}_{column}";
                text.Append(column == 0 ? name : ", " + name);
                command.Parameters.Add(_columns[column].Mapping.CreateParameter(command, name, null, _columns[column].Property.IsNullable));
            }

            text.Append(')');
        }

        command.CommandText = text.ToString();
        return command;
    }

    private void Bind(DbCommand command, IReadOnlyList<T> rows, int offset, int count)
    {
        var parameters = command.Parameters;
        var index = 0;
        for (var row = 0; row < count; row++)
        {
            var entity = rows[offset + row];
            foreach (var column in _columns)
            {
                parameters[index++].Value = ProviderValue(column, entity) ?? DBNull.Value;
            }
        }
    }

    private sealed record Column(IProperty Property, string Name, RelationalTypeMapping Mapping, IClrPropertyGetter Getter);
}
