using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace SharedServicesPipeline.DataMart.Loading;

/// <summary>
/// Inserts many new rows of one entity type with multi-row parameterised INSERTs in the load's transaction, bypassing
/// the change tracker. Tables, columns, value converters and parameter types all come from the EF model, so the SQL is
/// what EF itself would write on either provider; only store-generated keys are left out (read back by the caller).
/// Why: EF's per-entity inserts cost a tracked entity and a command per row (540k commands for a 100k-row file).
/// </summary>
internal sealed class BulkInserter<T>
    where T : class
{
    // SQL Server allows 2,100 parameters and 1,000 rows per VALUES list: many rows a statement save round trips there.
    // SQLite is in-process (no round trips) and binds parameters by name in linear time, so a many-parameter statement
    // costs O(n²) to bind: one row a statement, prepared once and re-executed, is its fastest way (as its docs advise).
    private const int MaxParameters = 2_000;
    private const int MaxRows = 1_000;

    private readonly DbConnection _connection;
    private readonly DbTransaction? _transaction;
    private readonly Column[] _columns;
    private readonly string _insertInto;
    private readonly int _rowsPerStatement;
    private readonly int? _timeoutSeconds;

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
        _rowsPerStatement = db.Database.IsSqlite() ? 1 : Math.Clamp(MaxParameters / _columns.Length, 1, MaxRows);
        _connection = db.Database.GetDbConnection();
        _transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        _timeoutSeconds = db.Database.GetCommandTimeout();
    }

    public async Task<int> InsertAsync(IReadOnlyList<T> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return 0;
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
                var value = column.Getter.GetClrValueUsingContainingEntity(entity);
                if (value is not null && column.Mapping.Converter is { } converter)
                {
                    value = converter.ConvertToProvider(value);
                }

                parameters[index++].Value = value ?? DBNull.Value;
            }
        }
    }

    private sealed record Column(IProperty Property, string Name, RelationalTypeMapping Mapping, IClrPropertyGetter Getter);
}
