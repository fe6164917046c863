using System.Buffers;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace SharedServicesPipeline.DataMart.Loading;

/// <summary>
/// SQLite's own fastest way to insert many rows: one statement prepared once, values bound by position, stepped and reset
/// per row, through the SQLitePCL layer that Microsoft.Data.Sqlite itself sits on. Values are bound as Microsoft.Data.Sqlite
/// binds them (same storage classes, same text for dates, offsets and decimals), so what is stored is what EF stores.
/// Why not SqliteCommand: it looks every parameter up by name on every execution, which for the loader's 600k rows cost
/// more than SQLite's own work.
/// </summary>
internal sealed class SqliteRowInserter : IDisposable
{
    private const string DateTimeOffsetFormat = @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFFzzz";
    private const string DateTimeFormat = @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF";
    private const string DecimalFormat = "0.0###########################";

    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private byte[] _text = ArrayPool<byte>.Shared.Rent(1024);

    public SqliteRowInserter(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
    }

    /// <summary>Inserts one row whose values (already in their provider types) are in <paramref name="values"/>, in column
    /// order; returns the row's rowid (its INTEGER PRIMARY KEY, where the table has one).</summary>
    public long Insert(ReadOnlySpan<object?> values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            Bind(i + 1, values[i]);
        }

        var rc = raw.sqlite3_step(_statement);
        raw.sqlite3_reset(_statement);
        if (rc != raw.SQLITE_DONE)
        {
            Check(rc);
        }

        return raw.sqlite3_last_insert_rowid(_db);
    }

    public void Dispose()
    {
        raw.sqlite3_finalize(_statement);
        ArrayPool<byte>.Shared.Return(_text);
        _text = [];
    }

    private void Bind(int index, object? value)
    {
        var rc = value switch
        {
            null or DBNull => raw.sqlite3_bind_null(_statement, index),
            string s => BindText(index, s),
            int n => raw.sqlite3_bind_int64(_statement, index, n),
            long n => raw.sqlite3_bind_int64(_statement, index, n),
            bool b => raw.sqlite3_bind_int64(_statement, index, b ? 1 : 0),
            short n => raw.sqlite3_bind_int64(_statement, index, n),
            byte n => raw.sqlite3_bind_int64(_statement, index, n),
            double d => double.IsNaN(d) ? throw new InvalidOperationException("SQLite cannot store NaN.") : raw.sqlite3_bind_double(_statement, index, d),
            float f => raw.sqlite3_bind_double(_statement, index, f),
            decimal m => BindText(index, m.ToString(DecimalFormat, CultureInfo.InvariantCulture)),
            DateTimeOffset t => BindText(index, t.ToString(DateTimeOffsetFormat, CultureInfo.InvariantCulture)),
            DateTime t => BindText(index, t.ToString(DateTimeFormat, CultureInfo.InvariantCulture)),
            DateOnly d => BindText(index, d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            byte[] blob => raw.sqlite3_bind_blob(_statement, index, blob),
            _ => throw new NotSupportedException($"The bulk inserter cannot bind a {value.GetType().Name}; add it as Microsoft.Data.Sqlite binds it."),
        };
        Check(rc);
    }

    private int BindText(int index, string text)
    {
        if (text.Length == 0)
        {
            // An empty span would reach SQLite as a null pointer, which binds NULL, not ''.
            return raw.sqlite3_bind_text(_statement, index, string.Empty);
        }

        var length = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (length > _text.Length)
        {
            ArrayPool<byte>.Shared.Return(_text);
            _text = ArrayPool<byte>.Shared.Rent(length);
        }

        // SQLitePCL binds with SQLITE_TRANSIENT: SQLite copies the bytes, so the buffer is reused for the next value.
        var written = Encoding.UTF8.GetBytes(text, _text);
        return raw.sqlite3_bind_text(_statement, index, _text.AsSpan(0, written));
    }

    private void Check(int rc) => SqliteResultCode.Check(_db, rc);
}
