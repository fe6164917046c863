using Parquet;
using Parquet.Schema;
using Parquet.Serialization;

namespace SharedServicesPipeline.Pipeline.Publishing;

/// <summary>
/// Writes a table as Parquet with typed columns that match the manifest: integers, decimals (money stays exact),
/// doubles, booleans, DATE for dates and UTC timestamps for instants. Text is written as it is: Parquet is read by
/// models, not spreadsheets, so it needs no formula guard.
/// </summary>
public static class ParquetExtractWriter
{
    private const int DecimalPrecision = 28;
    private const int MaxDecimalScale = 10;

    public static async Task<byte[]> WriteAsync(ExtractTable table, CancellationToken cancellationToken)
    {
        var fields = table.Columns.Select((c, i) => Field(c, table.Rows, i)).ToArray();
        var rows = new List<IDictionary<string, object?>>(table.Rows.Count);
        foreach (var row in table.Rows)
        {
            var record = new Dictionary<string, object?>(fields.Length, StringComparer.Ordinal);
            for (var i = 0; i < fields.Length; i++)
            {
                record[fields[i].Name] = Value(row[i], table.Columns[i].Type);
            }

            rows.Add(record);
        }

        using var buffer = new MemoryStream();
        await ParquetSerializer.SerializeUntypedAsync(rows, new ParquetSchema(fields), buffer, cancellationToken: cancellationToken);
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

    private static object? Value(object? value, Type declared) => value switch
    {
        null => null,
        DateTimeOffset dto => dto.UtcDateTime,
        DateTime dt => dt.Kind == DateTimeKind.Local ? dt.ToUniversalTime() : DateTime.SpecifyKind(dt, DateTimeKind.Utc),
        short or byte => Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture),
        float f => (double)f,
        _ when ExtractTypes.NameOf(declared) == ExtractTypes.String => value as string ?? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
        _ => value,
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
