using System.Globalization;
using System.Text.RegularExpressions;

namespace SharedServicesPipeline.Pipeline.Validation;

/// <summary>
/// Reads dates as councils write them: Excel dates and serials, 01/04/2011 (day first), April 2010, Sept 2015,
/// a year (→ 1 April, approximate) and financial years 2009/10 or 2009-10 (→ 1 April 2009, approximate).
/// </summary>
public static partial class DateParser
{
    private static readonly string[] DayFirstFormats =
    [
        "d/M/yyyy", "d/M/yy", "d.M.yyyy", "d-M-yyyy", "d MMM yyyy", "d MMMM yyyy", "d-MMM-yyyy", "d-MMM-yy", "d MMM yy",
        "yyyy-MM-dd", "yyyy-MM-ddTHH:mm:ss", "d/M/yyyy H:mm", "d/M/yyyy H:mm:ss", "dd/MM/yyyy HH:mm:ss",
    ];

    private static readonly Dictionary<string, int> Months = new(StringComparer.OrdinalIgnoreCase)
    {
        ["jan"] = 1, ["january"] = 1, ["feb"] = 2, ["february"] = 2, ["mar"] = 3, ["march"] = 3, ["apr"] = 4, ["april"] = 4,
        ["may"] = 5, ["jun"] = 6, ["june"] = 6, ["jul"] = 7, ["july"] = 7, ["aug"] = 8, ["august"] = 8,
        ["sep"] = 9, ["sept"] = 9, ["september"] = 9, ["oct"] = 10, ["october"] = 10, ["nov"] = 11, ["november"] = 11,
        ["dec"] = 12, ["december"] = 12,
    };

    private static readonly HashSet<string> NoValue = new(StringComparer.OrdinalIgnoreCase)
    {
        "", "-", "n/a", "na", "unknown", "not known", "tbc", "tbd", "ongoing", "none", "?",
    };

    public static ParsedValue<DateOnly> Parse(object? cell)
    {
        switch (cell)
        {
            case null:
                return ParsedValue<DateOnly>.None;
            case DateTime dateTime:
                return InRange(DateOnly.FromDateTime(dateTime));
            case DateTimeOffset offset:
                return InRange(DateOnly.FromDateTime(offset.DateTime));
            case double number:
                return FromNumber(number);
        }

        var text = (Convert.ToString(cell, CultureInfo.InvariantCulture) ?? "").Trim().TrimEnd('.');
        if (NoValue.Contains(text))
        {
            return ParsedValue<DateOnly>.None;
        }

        if (Regex.IsMatch(text, @"^\d{4}$") || Regex.IsMatch(text, @"^\d{1,6}(\.\d+)?$"))
        {
            return FromNumber(double.Parse(text, CultureInfo.InvariantCulture));
        }

        if (FinancialYear().Match(text) is { Success: true } fy)
        {
            var start = int.Parse(fy.Groups["start"].Value, CultureInfo.InvariantCulture);
            var end = int.Parse(fy.Groups["end"].Value, CultureInfo.InvariantCulture);
            var expected = fy.Groups["end"].Value.Length == 2 ? (start + 1) % 100 : start + 1;
            if (end == expected)
            {
                return InRange(new DateOnly(start, 4, 1), approximate: true);
            }
        }

        if (MonthYear().Match(text) is { Success: true } my && Months.TryGetValue(my.Groups["month"].Value, out var month))
        {
            var year = int.Parse(my.Groups["year"].Value, CultureInfo.InvariantCulture);
            if (year < 100)
            {
                year += 2000;
            }

            return InRange(new DateOnly(year, month, 1), approximate: true);
        }

        if (DateTime.TryParseExact(text, DayFirstFormats, CultureInfo.GetCultureInfo("en-GB"), DateTimeStyles.AllowWhiteSpaces, out var parsed))
        {
            return InRange(DateOnly.FromDateTime(parsed));
        }

        if (DayMonthYear().Match(text) is { Success: true })
        {
            return ParsedValue<DateOnly>.Fail($"'{text}' is not a real date. Write the date day first, e.g. 01/04/2011.");
        }

        if (text.Length > 60)
        {
            text = string.Concat(text.AsSpan(0, 60), "…"); // only for the message: a whole cell of prose helps nobody
        }

        return ParsedValue<DateOnly>.Fail($"'{text}' is not a date we can read. Write it day first (01/04/2011), as a month (April 2011), a year (2011) or a financial year (2011/12).");
    }

    private static ParsedValue<DateOnly> FromNumber(double number)
    {
        if (number == Math.Floor(number) && number is >= 1900 and <= 2100)
        {
            // A whole number in a year's range is a year, not Excel's serial for a day in 1905.
            return ParsedValue<DateOnly>.Of(new DateOnly((int)number, 4, 1), approximate: true);
        }

        if (number is >= 1 and < 2958466)
        {
            return InRange(DateOnly.FromDateTime(DateTime.FromOADate(number)));
        }

        return ParsedValue<DateOnly>.Fail($"{number} is not a date. Write the date day first, e.g. 01/04/2011.");
    }

    private static ParsedValue<DateOnly> InRange(DateOnly date, bool approximate = false) =>
        date.Year is >= 1900 and <= 2100
            ? ParsedValue<DateOnly>.Of(date, approximate)
            : ParsedValue<DateOnly>.Fail($"{date:dd/MM/yyyy} is outside the years 1900 to 2100. Check the date.");

    [GeneratedRegex(@"^(FY\s*)?(?<start>(19|20)\d{2})\s*[/\-–]\s*(?<end>\d{2}|\d{4})$", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex FinancialYear();

    [GeneratedRegex(@"^(?<month>[A-Za-z]{3,9})\.?[\s\-/,]+(?<year>(19|20)?\d{2})$", RegexOptions.ExplicitCapture)]
    private static partial Regex MonthYear();

    [GeneratedRegex(@"^\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}$")]
    private static partial Regex DayMonthYear();
}
