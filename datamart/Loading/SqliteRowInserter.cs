using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
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
    private const string DateFormat = "yyyy-MM-dd";

    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private byte[] _text = ArrayPool<byte>.Shared.Rent(1024);
    // The last offset bound and its text: a load stamps every row it writes with the same moment.
    private DateTimeOffset? _offset;
    private byte[] _offsetText = [];

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

        return Step();
    }

    /// <summary>Binds one value of the row being built to its parameter (1-based) as <see cref="Bind(int, object?)"/> would,
    /// without boxing it: the type is known when the caller's column is, and the JIT keeps only that type's branch.</summary>
    public void Bind<TValue>(int index, TValue value)
    {
        int rc;
        if (typeof(TValue) == typeof(int))
        {
            rc = raw.sqlite3_bind_int64(_statement, index, Unsafe.As<TValue, int>(ref value));
        }
        else if (typeof(TValue) == typeof(long))
        {
            rc = raw.sqlite3_bind_int64(_statement, index, Unsafe.As<TValue, long>(ref value));
        }
        else if (typeof(TValue) == typeof(bool))
        {
            rc = raw.sqlite3_bind_int64(_statement, index, Unsafe.As<TValue, bool>(ref value) ? 1 : 0);
        }
        else if (typeof(TValue) == typeof(int?))
        {
            rc = Unsafe.As<TValue, int?>(ref value) is { } n ? raw.sqlite3_bind_int64(_statement, index, n) : raw.sqlite3_bind_null(_statement, index);
        }
        else if (typeof(TValue) == typeof(decimal?))
        {
            rc = Unsafe.As<TValue, decimal?>(ref value) is { } m ? BindDecimal(index, m) : raw.sqlite3_bind_null(_statement, index);
        }
        else if (typeof(TValue) == typeof(double?))
        {
            rc = Unsafe.As<TValue, double?>(ref value) is not { } d ? raw.sqlite3_bind_null(_statement, index)
                : double.IsNaN(d) ? throw new InvalidOperationException("SQLite cannot store NaN.") : raw.sqlite3_bind_double(_statement, index, d);
        }
        else if (typeof(TValue) == typeof(DateTimeOffset))
        {
            rc = BindOffset(index, Unsafe.As<TValue, DateTimeOffset>(ref value));
        }
        else if (typeof(TValue) == typeof(DateOnly))
        {
            rc = BindFormatted(index, Unsafe.As<TValue, DateOnly>(ref value), DateFormat);
        }
        else if (typeof(TValue) == typeof(string))
        {
            rc = Unsafe.As<TValue, string?>(ref value) is { } text ? BindText(index, text) : raw.sqlite3_bind_null(_statement, index);
        }
        else
        {
            Bind(index, (object?)value);
            return;
        }

        Check(rc);
    }

    /// <summary>Inserts the row whose values were bound; returns its rowid (its INTEGER PRIMARY KEY, where the table has one).</summary>
    public long Step()
    {
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

    /// <summary>Binds one value (in its provider type) to its parameter (1-based), as Microsoft.Data.Sqlite binds it.</summary>
    public void Bind(int index, object? value)
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
            decimal m => BindDecimal(index, m),
            DateTimeOffset t => BindOffset(index, t),
            DateTime t => BindFormatted(index, t, DateTimeFormat),
            DateOnly d => BindFormatted(index, d, DateFormat),
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

    // Formatted straight into the buffer as UTF-8: the same text as ToString with the format, without the string.
    private int BindFormatted<TValue>(int index, TValue value, string format)
        where TValue : IUtf8SpanFormattable, IFormattable
    {
        if (!value.TryFormat(_text, out var written, format, CultureInfo.InvariantCulture))
        {
            return BindText(index, value.ToString(format, CultureInfo.InvariantCulture));
        }

        return raw.sqlite3_bind_text(_statement, index, _text.AsSpan(0, written));
    }

    private int BindDecimal(int index, decimal value) =>
        DecimalText.TryWrite(value, _text, out var written)
            ? raw.sqlite3_bind_text(_statement, index, _text.AsSpan(0, written))
            : BindText(index, value.ToString(DecimalText.Format, CultureInfo.InvariantCulture));

    private int BindOffset(int index, DateTimeOffset value)
    {
        if (_offset is not { } last || !last.EqualsExact(value))
        {
            _offsetText = Encoding.UTF8.GetBytes(value.ToString(DateTimeOffsetFormat, CultureInfo.InvariantCulture));
            _offset = value;
        }

        return raw.sqlite3_bind_text(_statement, index, _offsetText);
    }

    private void Check(int rc) => SqliteResultCode.Check(_db, rc);
}
