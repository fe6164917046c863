using System.Globalization;

namespace SharedServicesPipeline.Pipeline.Reading.OpenXml;

/// <summary>
/// Turns a cell's text into its value by its type (<c>t</c>) and style, as ExcelDataReader does: shared and inline
/// strings (escapes decoded), booleans, ISO dates, errors (null), and numbers, which a date or duration format makes
/// a DateTime (1900 or 1904 date system) or a TimeSpan.
/// </summary>
internal sealed class CellValues(SharedStringTable strings, bool date1904)
{
    private static readonly object True = true;
    private static readonly object False = false;

    // ExcelDataReader reads t="d" as a date only; the format's date-times (Excel writes "2011-04-01T00:00:00") are dates too.
    private static readonly string[] IsoDateTimes =
    [
        "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm",
        "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
    ];

    private const DateTimeStyles White = DateTimeStyles.AllowLeadingWhite | DateTimeStyles.AllowTrailingWhite;

    public static CellType TypeOf(ReadOnlySpan<char> t) => t switch
    {
        "s" => CellType.SharedString,
        "inlineStr" or "str" => CellType.InlineString,
        "b" => CellType.Boolean,
        "d" => CellType.Date,
        "e" => CellType.Error,
        _ => CellType.Number,
    };

    public object? Convert(ReadOnlySpan<char> text, CellType type, NumberFormatKind format)
    {
        var invariant = CultureInfo.InvariantCulture;
        switch (type)
        {
            case CellType.SharedString:
                return TryIndex(text, out var index) && index >= 0 && index < strings.Count
                    ? strings[index]
                    : new string(text);
            case CellType.InlineString:
                return XmlStringEscapes.Decode(text);
            case CellType.Boolean:
                // ExcelDataReader takes "1" only; the schema's boolean also allows "true".
                return text is "1" or "true" ? True : False;
            case CellType.Date:
                return DateTime.TryParseExact(text, "yyyy-MM-dd", invariant, White, out var date)
                       || DateTime.TryParseExact(text, IsoDateTimes, invariant, White, out date)
                    ? DateTime.SpecifyKind(date, DateTimeKind.Unspecified)
                    : new string(text);
            case CellType.Error:
                return null;
            default:
                if (TryDigits(text, out var whole))
                {
                    return Convert(whole, format);
                }

                if (!double.TryParse(text, NumberStyles.Any, invariant, out var number))
                {
                    return new string(text);
                }

                return Convert(number, format);
        }
    }

    private object Convert(double number, NumberFormatKind format) => format switch
    {
        NumberFormatKind.Date => FromSerial(number),
        NumberFormatKind.Duration => TimeSpan.FromDays(number),
        _ => number,
    };

    private static bool TryIndex(ReadOnlySpan<char> text, out int index)
    {
        if (TryDigits(text, out var digits))
        {
            index = digits <= int.MaxValue ? (int)digits : 0;
            return digits <= int.MaxValue;
        }

        return int.TryParse(text, NumberStyles.Any, CultureInfo.InvariantCulture, out index);
    }

    // Most numbers and every shared-string index are plain digits: read without the general parser (same value).
    private static bool TryDigits(ReadOnlySpan<char> text, out double value)
    {
        value = 0;
        if (text.Length is 0 or > 15)
        {
            return false;
        }

        long whole = 0;
        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            whole = (whole * 10) + (c - '0');
        }

        value = whole;
        return true;
    }

    // Excel's serial day numbers: 1 is 1 January 1900, and 60 the 29 February 1900 that never was; 0 in 1904's system is 1 January 1904.
    private object FromSerial(double serial)
    {
        var oaDate = date1904 ? serial + 1462 : serial is >= 0 and < 60 ? serial + 1 : serial;
        return oaDate is > -657435.0 and < 2958466.0 ? DateTime.FromOADate(oaDate) : serial;
    }
}

/// <summary>A cell's <c>t</c> attribute: how its text is read.</summary>
internal enum CellType : byte
{
    Number,
    SharedString,
    InlineString,
    Boolean,
    Date,
    Error,
}
