using System.Globalization;
using Parquet;
using Parquet.Schema;

namespace SharedServicesPipeline.Publishing;

/// <summary>
/// Writes a table as Parquet with typed columns that match the manifest: integers, decimals (money stays exact),
/// doubles, booleans, DATE for dates and UTC timestamps for instants. Text is written as it is: Parquet is read by
/// models, not spreadsheets, so it needs no formula guard. Written column by column (one row group), as Parquet stores
/// it, from the table's typed columns: a column with no missing value is handed over as it is held, without a copy.
/// </summary>
public static class ParquetExtractWriter
{
    private const int DecimalPrecision = 28;
    private const int MaxDecimalScale = 10;

    public static async Task<ReadOnlyMemory<byte>> WriteAsync(ExtractTable table, CancellationToken cancellationToken)
    {
        var fields = table.Columns.Select((c, i) => Field(c, table.ValuesAt(i))).ToArray();
        var buffer = new MemoryStream();
        await using (var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), buffer, cancellationToken: cancellationToken))
        {
            using var rowGroup = writer.CreateRowGroup();
            for (var i = 0; i < fields.Length; i++)
            {
                await WriteColumnAsync(rowGroup, fields[i], table.ValuesAt(i), cancellationToken);
            }
        }

        return new ReadOnlyMemory<byte>(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static DataField Field(ExtractColumn column, ExtractValues values)
    {
        var type = Nullable.GetUnderlyingType(column.Type) ?? column.Type;
        // Declared nullable, or a value type that a source left empty anyway: a missing value must not fail the refresh.
        var nullable = !column.Type.IsValueType || Nullable.GetUnderlyingType(column.Type) is not null || values.HasNulls;
        return ExtractTypes.NameOf(column.Type) switch
        {
            ExtractTypes.Integer => new DataField(column.Name, type == typeof(long) ? typeof(long) : typeof(int), nullable),
            ExtractTypes.Decimal => new DecimalDataField(column.Name, DecimalPrecision, ScaleOf(values), isNullable: nullable),
            ExtractTypes.Double => new DataField(column.Name, typeof(double), nullable),
            ExtractTypes.Boolean => new DataField(column.Name, typeof(bool), nullable),
            ExtractTypes.Date => new DataField(column.Name, typeof(DateOnly), nullable),
            ExtractTypes.DateTime => new DateTimeDataField(column.Name, DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Micros, isNullable: nullable),
            _ => new DataField(column.Name, typeof(string), isNullable: true),
        };
    }

    /// <summary>Writes a column's values as the typed array its field takes (nullable elements where the field is).</summary>
    private static Task WriteColumnAsync(ParquetRowGroupWriter rowGroup, DataField field, ExtractValues values, CancellationToken ct) => field switch
    {
        DecimalDataField => WriteAsync(rowGroup, field, values, v => v is decimal d ? d : Convert.ToDecimal(v, CultureInfo.InvariantCulture), ct),
        DateTimeDataField => WriteAsync(rowGroup, field, values, Instant, ct, asHeld: false),
        _ when field.ClrType == typeof(int) => WriteAsync(rowGroup, field, values, v => v is int n ? n : Convert.ToInt32(v, CultureInfo.InvariantCulture), ct),
        _ when field.ClrType == typeof(long) => WriteAsync(rowGroup, field, values, v => v is long n ? n : Convert.ToInt64(v, CultureInfo.InvariantCulture), ct),
        _ when field.ClrType == typeof(double) => WriteAsync(rowGroup, field, values, v => v is double d ? d : Convert.ToDouble(v, CultureInfo.InvariantCulture), ct),
        _ when field.ClrType == typeof(bool) => WriteAsync(rowGroup, field, values, v => v is bool b ? b : Convert.ToBoolean(v, CultureInfo.InvariantCulture), ct),
        _ when field.ClrType == typeof(DateOnly) => WriteAsync(rowGroup, field, values, v => v is DateOnly d ? d : DateOnly.FromDateTime(Convert.ToDateTime(v, CultureInfo.InvariantCulture)), ct),
        _ => rowGroup.WriteAsync(field, Texts(values), null),
    };

    /// <summary>
    /// A column already of the field's type goes as it is held (no missing value) or with its missing values as nulls;
    /// a column of another type (a source's <c>short</c>, an instant as <c>DateTimeOffset</c>) is converted value by value.
    /// </summary>
    private static async Task WriteAsync<T>(ParquetRowGroupWriter rowGroup, DataField field, ExtractValues values, Func<object, T> convert, CancellationToken ct, bool asHeld = true)
        where T : struct
    {
        // Instants are converted even when held as DateTime: a local or unspecified one is made UTC.
        var typed = asHeld ? values as ExtractValues<T> : null;
        if (!field.IsNullable)
        {
            var required = typed?.Values ?? Converted(values, convert);
            await rowGroup.WriteAsync(field, required, null, null, ct);
            return;
        }

        var nullable = new T?[values.Count];
        for (var i = 0; i < nullable.Length; i++)
        {
            nullable[i] = values.IsNull(i) ? null : typed is not null ? typed[i] : convert(values.Boxed(i)!);
        }

        await rowGroup.WriteAsync(field, new ReadOnlyMemory<T?>(nullable), null, null, ct);
    }

    private static ReadOnlyMemory<T> Converted<T>(ExtractValues values, Func<object, T> convert)
    {
        var converted = new T[values.Count];
        for (var i = 0; i < converted.Length; i++)
        {
            converted[i] = convert(values.Boxed(i)!);
        }

        return converted;
    }

    private static IReadOnlyCollection<string?> Texts(ExtractValues values)
    {
        if (values is ExtractValues<string> text)
        {
            return text.Segment;
        }

        var converted = new string?[values.Count];
        for (var i = 0; i < converted.Length; i++)
        {
            converted[i] = values.IsNull(i) ? null : Convert.ToString(values.Boxed(i), CultureInfo.InvariantCulture);
        }

        return converted;
    }

    private static DateTime Instant(object value) => value switch
    {
        DateTimeOffset dto => dto.UtcDateTime,
        DateTime dt => dt.Kind == DateTimeKind.Local ? dt.ToUniversalTime() : DateTime.SpecifyKind(dt, DateTimeKind.Utc),
        _ => DateTime.SpecifyKind(Convert.ToDateTime(value, CultureInfo.InvariantCulture), DateTimeKind.Utc),
    };

    /// <summary>Money has two decimal places; a column with finer values keeps them (up to ten).</summary>
    private static int ScaleOf(ExtractValues values)
    {
        var scale = 2;
        if (values is ExtractValues<decimal> money)
        {
            foreach (var d in money.Values.Span)
            {
                scale = Math.Max(scale, d.Scale);
            }
        }
        else
        {
            for (var i = 0; i < values.Count; i++)
            {
                if (values.Boxed(i) is decimal d)
                {
                    scale = Math.Max(scale, d.Scale);
                }
            }
        }

        return Math.Min(scale, MaxDecimalScale);
    }
}
