using System.Globalization;
using SharedServicesPipeline.Pipeline.Reporting;
using SharedServicesPipeline.Publishing;

namespace SharedServicesPipeline.Tests.Extracts;

/// <summary>One published value, as the CSV writes it, against the same value as a Parquet reader gives it typed.</summary>
internal static class CsvValueAssert
{
    /// <summary>The CSV holds text (formula-neutralised) and instants to the second; Parquet holds typed values.</summary>
    public static void Same(string type, string csv, object? parquet, string where)
    {
        if (csv.Length == 0)
        {
            Assert.True(parquet is null || Text(parquet) == "", $"{where}: CSV is empty but Parquet holds {parquet}");
            return;
        }

        Assert.True(parquet is not null, $"{where}: CSV holds '{csv}' but Parquet is null");
        var inv = CultureInfo.InvariantCulture;
        switch (type)
        {
            case ExtractTypes.Integer:
                Assert.Equal(long.Parse(csv, inv), Convert.ToInt64(parquet, inv));
                break;
            case ExtractTypes.Decimal:
                Assert.Equal(decimal.Parse(csv, inv), Assert.IsType<decimal>(parquet));
                break;
            case ExtractTypes.Double:
                Assert.Equal(double.Parse(csv, inv), Assert.IsType<double>(parquet));
                break;
            case ExtractTypes.Boolean:
                Assert.Equal(bool.Parse(csv), Assert.IsType<bool>(parquet));
                break;
            case ExtractTypes.Date:
                Assert.Equal(DateOnly.ParseExact(csv, "yyyy-MM-dd", inv), Assert.IsType<DateOnly>(parquet));
                break;
            case ExtractTypes.DateTime:
                var instant = DateTimeOffset.Parse(csv, inv);
                var stored = DateTime.SpecifyKind(Assert.IsType<DateTime>(parquet), DateTimeKind.Utc);
                Assert.Equal(instant.UtcDateTime, stored.AddTicks(-(stored.Ticks % TimeSpan.TicksPerSecond)));
                break;
            default:
                Assert.Equal(csv, FormulaGuard.Neutralise(Text(parquet)!));
                break;
        }
    }

    private static string? Text(object? value) => value switch
    {
        ReadOnlyMemory<char> m => m.ToString(),
        _ => value as string,
    };
}
