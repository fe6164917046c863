using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using SharedServicesPipeline.Publishing;
using SQLitePCL;

namespace SharedServicesPipeline.DataMart.Extracts;

/// <summary>
/// Reads an extract table on SQLite straight from the engine (the SQLitePCL layer that Microsoft.Data.Sqlite sits on),
/// each value into its typed column, converted as Microsoft.Data.Sqlite converts it (integers and flags from the
/// integer, text as UTF-8, money, dates and instants parsed from the text EF stores). Why: the data reader checks the
/// column count and the value's type on every call (four calls into the engine a value), which was most of reading a
/// 100k mart's 5 million values. Properties with a value converter, or of another type, are read by the data reader.
/// </summary>
internal static class SqliteColumnReader
{
    private const NumberStyles MoneyStyles = NumberStyles.Number | NumberStyles.AllowExponent;

    /// <summary>How to read a column of <paramref name="property"/>'s type, or null when the data reader must.</summary>
    public static Action<sqlite3_stmt, int, ExtractValues>? For(IProperty property)
    {
        if ((property.GetValueConverter() ?? property.GetRelationalTypeMapping().Converter) is not null)
        {
            return null;
        }

        var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
        return type switch
        {
            _ when type == typeof(int) => (s, i, v) => ((ExtractValues<int>)v).Add(checked((int)raw.sqlite3_column_int64(s, i))),
            _ when type == typeof(long) => (s, i, v) => ((ExtractValues<long>)v).Add(raw.sqlite3_column_int64(s, i)),
            _ when type == typeof(bool) => (s, i, v) => ((ExtractValues<bool>)v).Add(raw.sqlite3_column_int64(s, i) != 0),
            _ when type == typeof(double) => (s, i, v) => ((ExtractValues<double>)v).Add(raw.sqlite3_column_double(s, i)),
            _ when type == typeof(string) => (s, i, v) => ((ExtractValues<string>)v).Add(Encoding.UTF8.GetString(raw.sqlite3_column_blob(s, i))),
            _ when type == typeof(decimal) => (s, i, v) => ((ExtractValues<decimal>)v).Add(Money(s, i)),
            _ when type == typeof(DateOnly) => (s, i, v) => ((ExtractValues<DateOnly>)v).Add(DateOnly.Parse(Text(s, i, stackalloc char[64]), CultureInfo.InvariantCulture)),
            _ when type == typeof(DateTime) => (s, i, v) => ((ExtractValues<DateTime>)v).Add(DateTime.Parse(Text(s, i, stackalloc char[64]), CultureInfo.InvariantCulture)),
            _ when type == typeof(DateTimeOffset) => (s, i, v) => ((ExtractValues<DateTimeOffset>)v).Add(DateTimeOffset.Parse(Text(s, i, stackalloc char[64]), CultureInfo.InvariantCulture)),
            _ => null,
        };
    }

    /// <summary>Steps <paramref name="sql"/> over the open connection, appending each row's values to <paramref name="columns"/>.</summary>
    public static void Read(
        SqliteConnection connection, string table, string sql, Action<sqlite3_stmt, int, ExtractValues>[] readers, bool[] nullable, ExtractValues[] columns, CancellationToken cancellationToken)
    {
        var db = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        SqliteResultCode.Check(db, raw.sqlite3_prepare_v2(db, sql, out var statement));
        using (statement)
        {
            for (var row = 0; ; row++)
            {
                if ((row & 4095) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                var rc = raw.sqlite3_step(statement);
                if (rc == raw.SQLITE_DONE)
                {
                    return;
                }

                SqliteResultCode.Check(db, rc);
                for (var c = 0; c < readers.Length; c++)
                {
                    if (nullable[c] && raw.sqlite3_column_type(statement, c) == raw.SQLITE_NULL)
                    {
                        columns[c].AddNull();
                        continue;
                    }

                    try
                    {
                        readers[c](statement, c, columns[c]);
                    }
                    catch (FormatException ex)
                    {
                        throw new InvalidOperationException($"Mart table {table}, row {row + 1}, column {c + 1}: '{Encoding.UTF8.GetString(raw.sqlite3_column_blob(statement, c))}' is not a {columns[c].Type.Name} as EF stores it.", ex);
                    }
                }
            }
        }
    }

    private static decimal Money(sqlite3_stmt statement, int ordinal) => raw.sqlite3_column_type(statement, ordinal) switch
    {
        raw.SQLITE_INTEGER => raw.sqlite3_column_int64(statement, ordinal),
        raw.SQLITE_FLOAT => (decimal)raw.sqlite3_column_double(statement, ordinal),
        _ => decimal.Parse(Text(statement, ordinal, stackalloc char[64]), MoneyStyles, CultureInfo.InvariantCulture),
    };

    /// <summary>The value's text, decoded into <paramref name="buffer"/> when it fits (dates and money always do).</summary>
    private static ReadOnlySpan<char> Text(sqlite3_stmt statement, int ordinal, Span<char> buffer)
    {
        var utf8 = raw.sqlite3_column_blob(statement, ordinal);
        return Encoding.UTF8.GetMaxCharCount(utf8.Length) <= buffer.Length
            ? buffer[..Encoding.UTF8.GetChars(utf8, buffer)]
            : Encoding.UTF8.GetString(utf8);
    }
}
