using System.Globalization;
using Parquet;
using Parquet.Schema;

namespace SharedServicesPipeline.Publishing;

/// <summary>
/// Writes a table as Parquet with typed columns that match the manifest: integers, decimals (money stays exact),
/// doubles, booleans, DATE for dates and UTC timestamps for instants. Text is written as it is: Parquet is read by
/// models, not spreadsheets, so it needs no formula guard. Written column by column (one typed array per column, one
/// row group), as Parquet stores it: a row-by-row serializer spent most of its time shredding a dictionary per row.
/// </summary>
public static class ParquetExtractWriter
{
    private const int DecimalPrecision = 28;
    private const int MaxDecimalScale = 10;

    public static async Task<byte[]> WriteAsync(ExtractTable table, CancellationToken cancellationToken)
    {
        var fields = table.Columns.Select((c, i) => Field(c, table.Rows, i)).ToArray();
        using var buffer = new MemoryStream();
        await using (var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), buffer, cancellationToken: cancellationToken))
        {
            using var rowGroup = writer.CreateRowGroup();
            for (var i = 0; i < fields.Length; i++)
            {
                await WriteColumnAsync(rowGroup, fields[i], table.Rows, i, cancellationToken);
            }
        }

        return buffer.ToArray();
    }

    private static DataField Field(ExtractColumn column, IReadOnlyList<object?[]> rows, int index)
    {
        var type = Nullable.GetUnderlyingType(column.Type) ?? column.Type;
        // Declared nullable, or a value type that a source left empty anyway: a missing value must not fail the refresh.
        var nullable = !column.Type.IsValueType || Nullable.GetUnderlyingType(column.Type) is not null || rows.Any(r => r[index] is null);
        return ExtractTypes.NameOf(column.Type) switch
        {
            ExtractTypes.Integer => new DataField(column.Name, type == typeof(long) ? typeof(long) : typeof(int), nullable),
            ExtractTypes.Decimal => new DecimalDataField(column.Name, DecimalPrecision, ScaleOf(rows, index), isNullable: nullable),
            ExtractTypes.Double => new DataField(column.Name, typeof(double), nullable),
            ExtractTypes.Boolean => new DataField(column.Name, typeof(bool), nullable),
            ExtractTypes.Date => new DataField(column.Name, typeof(DateOnly), nullable),
            ExtractTypes.DateTime => new DateTimeDataField(column.Name, DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Micros, isNullable: nullable),
            _ => new DataField(column.Name, typeof(string), isNullable: true),
        };
    }

    /// <summary>Writes a column's values as the typed array its field takes (nullable elements where the field is).</summary>
    private static Task WriteColumnAsync(ParquetRowGroupWriter rowGroup, DataField field, IReadOnlyList<object?[]> rows, int index, CancellationToken ct) => field switch
    {
        DecimalDataField => WriteAsync(rowGroup, field, rows, index, v => v is decimal d ? d : Convert.ToDecimal(v, CultureInfo.InvariantCulture), ct),
        DateTimeDataField => WriteAsync(rowGroup, field, rows, index, Instant, ct),
        _ when field.ClrType == typeof(int) => WriteAsync(rowGroup, field, rows, index, v => v is int n ? n : Convert.ToInt32(v, CultureInfo.InvariantCulture), ct),
        _ when field.ClrType == typeof(long) => WriteAsync(rowGroup, field, rows, index, v => v is long n ? n : Convert.ToInt64(v, CultureInfo.InvariantCulture), ct),
        _ when field.ClrType == typeof(double) => WriteAsync(rowGroup, field, rows, index, v => v is double d ? d : Convert.ToDouble(v, CultureInfo.InvariantCulture), ct),
        _ when field.ClrType == typeof(bool) => WriteAsync(rowGroup, field, rows, index, v => v is bool b ? b : Convert.ToBoolean(v, CultureInfo.InvariantCulture), ct),
        _ when field.ClrType == typeof(DateOnly) => WriteAsync(rowGroup, field, rows, index, v => v is DateOnly d ? d : DateOnly.FromDateTime(Convert.ToDateTime(v, CultureInfo.InvariantCulture)), ct),
        _ => rowGroup.WriteAsync(field, Texts(rows, index), null),
    };

    private static async Task WriteAsync<T>(ParquetRowGroupWriter rowGroup, DataField field, IReadOnlyList<object?[]> rows, int index, Func<object, T> convert, CancellationToken ct)
        where T : struct
    {
        if (field.IsNullable)
        {
            var values = new T?[rows.Count];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = rows[i][index] is { } value ? convert(value) : null;
            }

            await rowGroup.WriteAsync(field, new ReadOnlyMemory<T?>(values), null, null, ct);
            return;
        }

        var required = new T[rows.Count];
        for (var i = 0; i < required.Length; i++)
        {
            required[i] = convert(rows[i][index]!);
        }

        await rowGroup.WriteAsync(field, new ReadOnlyMemory<T>(required), null, null, ct);
    }

    private static string?[] Texts(IReadOnlyList<object?[]> rows, int index)
    {
        var values = new string?[rows.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = rows[i][index] switch
            {
                null => null,
                string s => s,
                var v => Convert.ToString(v, CultureInfo.InvariantCulture),
            };
        }

        return values;
    }

    private static DateTime Instant(object value) => value switch
    {
        DateTimeOffset dto => dto.UtcDateTime,
        DateTime dt => dt.Kind == DateTimeKind.Local ? dt.ToUniversalTime() : DateTime.SpecifyKind(dt, DateTimeKind.Utc),
        _ => DateTime.SpecifyKind(Convert.ToDateTime(value, CultureInfo.InvariantCulture), DateTimeKind.Utc),
    };

    /// <summary>Money has two decimal places; a column with finer values keeps them (up to ten).</summary>
    private static int ScaleOf(IReadOnlyList<object?[]> rows, int index)
    {
        var scale = 2;
        foreach (var row in rows)
        {
            if (row[index] is decimal d)
            {
                scale = Math.Max(scale, d.Scale);
            }
        }

        return Math.Min(scale, MaxDecimalScale);
    }
}
