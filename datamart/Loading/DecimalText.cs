using System.Globalization;

namespace SharedServicesPipeline.DataMart.Loading;

/// <summary>
/// A decimal as Microsoft.Data.Sqlite stores it (<c>"0.0###########################"</c>: every significant digit, at
/// least one after the point), written as UTF-8 without parsing that custom format for every value: the decimal's own
/// digits (its scale at most 28, so nothing is rounded), trailing zeros after the point cut to one, ".0" added to a
/// whole number. Zero, whatever its sign and scale, takes the custom format itself.
/// </summary>
internal static class DecimalText
{
    public const string Format = "0.0###########################";

    /// <summary>Writes <paramref name="value"/>; false when <paramref name="utf8"/> is too small.</summary>
    public static bool TryWrite(decimal value, Span<byte> utf8, out int written)
    {
        if (value == 0m)
        {
            return value.TryFormat(utf8, out written, Format, CultureInfo.InvariantCulture);
        }

        if (!value.TryFormat(utf8, out written, default, CultureInfo.InvariantCulture) || written + 2 > utf8.Length)
        {
            return false;
        }

        var point = utf8[..written].IndexOf((byte)'.');
        if (point < 0)
        {
            utf8[written++] = (byte)'.';
            utf8[written++] = (byte)'0';
            return true;
        }

        while (written > point + 2 && utf8[written - 1] == (byte)'0')
        {
            written--;
        }

        return true;
    }
}
