using System.Globalization;
using System.Text;
using SharedServicesPipeline.DataMart.Loading;

namespace SharedServicesPipeline.Tests.Mart;

/// <summary>The bulk inserter writes a decimal's text itself: it must be the text Microsoft.Data.Sqlite's format gives.</summary>
public sealed class DecimalTextTests
{
    public static TheoryData<decimal> Values => new()
    {
        1m, -1m, 0.05m, 1_234_567.80m, 250_000m, 250_000.000m, -12.50m, 90_000m, 0.1m, 10m, 100.0100m,
        decimal.MaxValue, decimal.MinValue, 0.0000000000000000000000000001m, -0.0000000000000000000000000001m,
        0m, 0.00m, new decimal(0, 0, 0, isNegative: true, scale: 2), 123_456_789_012_345_678_901_234.5678m, 7.9228162514264337593543950335m,
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void A_decimal_is_written_as_the_stored_format_writes_it(decimal value) =>
        Assert.Equal(value.ToString(DecimalText.Format, CultureInfo.InvariantCulture), Written(value));

    [Fact]
    public void Random_decimals_of_every_scale_are_written_as_the_stored_format_writes_them()
    {
        var random = new Random(22);
        for (var i = 0; i < 20_000; i++)
        {
            var value = new decimal(random.Next(), random.Next(), random.Next(0, 3) == 0 ? 0 : random.Next(), random.Next(2) == 0, (byte)random.Next(0, 29));
            Assert.Equal(value.ToString(DecimalText.Format, CultureInfo.InvariantCulture), Written(value));
        }
    }

    [Fact]
    public void A_buffer_too_small_is_reported_not_overrun()
    {
        Assert.False(DecimalText.TryWrite(1_234_567.80m, new byte[4], out _));
        Assert.False(DecimalText.TryWrite(250_000m, new byte[7], out _));
    }

    private static string Written(decimal value)
    {
        var buffer = new byte[64];
        Assert.True(DecimalText.TryWrite(value, buffer, out var written));
        return Encoding.UTF8.GetString(buffer, 0, written);
    }
}
