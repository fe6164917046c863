using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SharedServicesPipeline.Pipeline.Validation;

/// <summary>
/// Reads dates as councils write them: Excel dates and serials, 01/04/2011 and 1st April 2011 (day first), 20110401,
/// April 2010, Apr-11, April '11, Sept 2015, a year (→ 1 April, approximate), financial years 2009/10, 2009-10 and
/// FY 2012/13 (→ 1 April 2009, approximate), quarters (Q2 2012 is calendar; Q2 2012/13 is financial), seasons,
/// "early/mid/late 2012", and a leading "from", "since", "c." or "circa". Blank-like answers (TBC, Ongoing, N/A) are no date.
/// A range in one cell ("01/04/2011 to 31/03/2014") gives its start, or its end for an end date, and a date followed by a
/// note in brackets gives the date: both with a warning code.
/// </summary>
public static partial class DateParser
{
    public const string RangeCode = "date.range";
    public const string NoteCode = "date.note-left-out";

    private static readonly string[] DayFirstFormats =
    [
        "d/M/yyyy", "d/M/yy", "d.M.yyyy", "d.M.yy", "d-M-yyyy", "d MMM yyyy", "d MMMM yyyy", "d MMM yy", "d MMMM yy", "d-MMM-yyyy",
        "d-MMM-yy", "d-MMMM-yyyy", "d/MMM/yyyy", "d MMM, yyyy", "d MMMM, yyyy", "dddd d MMMM yyyy", "ddd d MMM yyyy", "ddd d MMMM yyyy", "d-MMMM-yy", "d/MMMM/yyyy",
        "MMMM d yyyy", "MMMM d, yyyy", "MMM d, yyyy", "yyyy-MM-dd", "yyyy/MM/dd", "yyyy.MM.dd", "yyyy-MM-ddTHH:mm:ss",
        "d/M/yyyy H:mm", "d/M/yyyy H:mm:ss", "dd/MM/yyyy HH:mm:ss",
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
        "", "-", "--", "n/a", "na", "n.a.", "n/k", "nk", "unknown", "not known", "not yet known", "tbc", "tbd", "tba", "to be confirmed",
        "to be agreed", "to be determined", "ongoing", "none", "?", "??", "not applicable", "no end date", "open ended", "open-ended",
        "indefinite", "permanent", "various", "continuing", "not set", "not yet", "not agreed", "not yet agreed", "x",
    };

    private const int MaxDateLength = 80;

    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>Reads a date cell; <paramref name="end"/> says it is an end date, so that of a range ("April 2011 - March 2014")
    /// the end is read, not the start.</summary>
    public static ParsedValue<DateOnly> Parse(object? cell, bool end = false)
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

        var text = Tidy(Convert.ToString(cell, CultureInfo.InvariantCulture) ?? "");
        if (NoValue.Contains(text))
        {
            return ParsedValue<DateOnly>.None;
        }

        if (text.Length > MaxDateLength)
        {
            return ParsedValue<DateOnly>.Fail($"'{text[..60]}…' is not a date we can read. Write it day first (01/04/2011), as a month (April 2011), a year (2011) or a financial year (2011/12).");
        }

        // "April 2011 onwards", "2010 - present": a start date said to run on is still that start date.
        if (RunsOn().Match(text) is { Success: true } runsOn)
        {
            text = text[..runsOn.Index].TrimEnd(' ', ',', '-');
            if (text.Length == 0)
            {
                return ParsedValue<DateOnly>.None;
            }
        }

        // "from 2009", "since 2010", "c. 2008": the date is what follows; circa and the like make it approximate.
        if (Lead().Match(text) is { Success: true } lead)
        {
            var rest = ParseText(lead.Groups["rest"].Value);
            return lead.Groups["approx"].Success && rest.Value is { } value ? ParsedValue<DateOnly>.Of(value, approximate: true, rest.Note) : rest;
        }

        var read = ParseText(text);
        return read.IsError ? RangeOrNoted(text, end) ?? read : read;
    }

    // Only when the whole cell is no date: "01/04/2011 to 31/03/2014" in one cell reads its start (or, as an end date, its
    // end), and "31/03/2015 (extended)" its date; both with a warning, so the submitter can check what was taken.
    private static ParsedValue<DateOnly>? RangeOrNoted(string text, bool end)
    {
        if (TrailingNote().Match(text) is { Success: true } noted && Parse(noted.Groups["date"].Value, end) is { IsError: false, Value: { } date } dated)
        {
            var note = noted.Groups["note"].Value.Trim();
            return new ParsedValue<DateOnly>(date, null, dated.IsApproximate || ApproximateNote().IsMatch(note),
                $"'({note})' after the date was not read; read as {date:dd/MM/yyyy}", NoteCode);
        }

        if (DateRange().Match(text) is { Success: true } range
            && Parse(range.Groups["from"].Value) is { IsError: false, Value: { } from } first
            && Parse(range.Groups["to"].Value, end: true) is { IsError: false, Value: { } to } last && from <= to)
        {
            var (taken, which) = end ? (last, "end") : (first, "start");
            return new ParsedValue<DateOnly>(taken.Value, null, taken.IsApproximate,
                $"'{text}' is a range; its {which}, {taken.Value:dd/MM/yyyy}, was read. Put the start and the end dates in their own columns", RangeCode);
        }

        return null;
    }

    private static ParsedValue<DateOnly> ParseText(string text)
    {
        if (AllDigits().IsMatch(text))
        {
            return text.Length == 8 ? FromDigits(text) : FromNumber(double.Parse(text, CultureInfo.InvariantCulture));
        }

        if (Serial().IsMatch(text))
        {
            return FromNumber(double.Parse(text, CultureInfo.InvariantCulture));
        }

        if (FinancialYear().Match(text) is { Success: true } fy && FirstYearOf(fy) is { } fyStart)
        {
            return InRange(new DateOnly(fyStart, 4, 1), approximate: true);
        }

        if (Quarter().Match(text) is { Success: true } quarter)
        {
            return FromQuarter(quarter, text);
        }

        if (Season().Match(text) is { Success: true } season)
        {
            var year = int.Parse(season.Groups["year"].Value, CultureInfo.InvariantCulture);
            var (month, name) = season.Groups["season"].Value.ToLowerInvariant() switch
            {
                "spring" => (3, "spring"),
                "summer" => (6, "summer"),
                "autumn" or "fall" => (9, "autumn"),
                _ => (12, "winter"),
            };
            return InRange(new DateOnly(year, month, 1), approximate: true, $"the start of {name} {year}");
        }

        if (PartOfYear().Match(text) is { Success: true } part)
        {
            var year = int.Parse(part.Groups["year"].Value, CultureInfo.InvariantCulture);
            var (month, name) = part.Groups["part"].Value.ToLowerInvariant() switch
            {
                "early" or "beginning of" or "start of" => (1, "early"),
                "mid" or "middle of" => (7, "mid"),
                "late" => (10, "late"),
                _ => (12, "the end of"),
            };
            return InRange(new DateOnly(year, month, 1), approximate: true, $"{name} {year}, read as the first of {British.DateTimeFormat.GetMonthName(month)}");
        }

        if (MonthYear().Match(text) is { Success: true } my && Months.TryGetValue(my.Groups["month"].Value, out var monthOfYear))
        {
            var year = int.Parse(my.Groups["year"].Value, CultureInfo.InvariantCulture);
            return InRange(new DateOnly(year < 100 ? year + 2000 : year, monthOfYear, 1), approximate: true);
        }

        var dayFirst = Ordinal().Replace(text, "${day}");
        // Month words as the full name: the culture's abbreviations vary with the ICU version (en-GB's September is "Sept" in
        // ICU 72, "Sep" before), and councils write both, with or without a dot.
        var named = MonthWord().Replace(dayFirst, m => Months.TryGetValue(m.Groups["month"].Value, out var number) ? British.DateTimeFormat.GetMonthName(number) : m.Value);
        if (DateTime.TryParseExact(named, DayFirstFormats, British, DateTimeStyles.AllowWhiteSpaces, out var parsed))
        {
            return InRange(DateOnly.FromDateTime(parsed));
        }

        if (DayMonthYear().IsMatch(text) || DayMonthNameYear().IsMatch(dayFirst))
        {
            return ParsedValue<DateOnly>.Fail($"'{text}' is not a real date. Write the date day first, e.g. 01/04/2011.");
        }

        if (text.Length > 60)
        {
            text = string.Concat(text.AsSpan(0, 60), "…"); // only for the message: a whole cell of prose helps nobody
        }

        return ParsedValue<DateOnly>.Fail($"'{text}' is not a date we can read. Write it day first (01/04/2011), as a month (April 2011), a year (2011) or a financial year (2011/12).");
    }

    // Q2 2012 is the calendar quarter (April to June 2012); Q2 2012/13 is the financial one (July to September 2012).
    private static ParsedValue<DateOnly> FromQuarter(Match quarter, string text)
    {
        var q = quarter.Groups["q"].Value[0] - '0';
        var year = int.Parse(quarter.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (quarter.Groups["end"].Success)
        {
            if (FirstYearOf(quarter) is null)
            {
                return ParsedValue<DateOnly>.Fail($"'{text}' is not a financial year's quarter: 2012/13 follows 2012. Write it as Q2 2012/13, or give the date.");
            }

            var month = 4 + ((q - 1) * 3);
            var start = month > 12 ? new DateOnly(year + 1, month - 12, 1) : new DateOnly(year, month, 1);
            return InRange(start, approximate: true, $"the start of quarter {q} of financial year {year}/{(year + 1) % 100:00}");
        }

        return InRange(new DateOnly(year, 1 + ((q - 1) * 3), 1), approximate: true,
            $"the start of calendar quarter {q} of {year}; if you meant the financial year's quarter, write Q{q} {year}/{(year + 1) % 100:00}");
    }

    private static int? FirstYearOf(Match match)
    {
        var start = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        var endText = match.Groups["end"].Value;
        var end = int.Parse(endText, CultureInfo.InvariantCulture);
        var expected = endText.Length == 2 ? (start + 1) % 100 : start + 1;
        return end == expected ? start : null;
    }

    // 20110401: a date typed as digits, year first.
    private static ParsedValue<DateOnly> FromDigits(string digits) =>
        DateOnly.TryParseExact(digits, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? InRange(date)
            : ParsedValue<DateOnly>.Fail($"'{digits}' is not a date we can read. Write it day first, e.g. 01/04/2011.");

    private static ParsedValue<DateOnly> FromNumber(double number)
    {
        if (number == Math.Floor(number) && number is >= 1900 and <= 2100)
        {
            // A whole number in a year's range is a year, not Excel's serial for a day in 1905.
            return ParsedValue<DateOnly>.Of(new DateOnly((int)number, 4, 1), approximate: true);
        }

        if (number == Math.Floor(number) && number is >= 19000101 and <= 21001231)
        {
            return FromDigits(((long)number).ToString(CultureInfo.InvariantCulture)); // 20110401 typed into a number cell
        }

        if (number is >= 1 and < 2958466)
        {
            return InRange(DateOnly.FromDateTime(DateTime.FromOADate(number)));
        }

        return ParsedValue<DateOnly>.Fail($"{number} is not a date. Write the date day first, e.g. 01/04/2011.");
    }

    private static ParsedValue<DateOnly> InRange(DateOnly date, bool approximate = false, string? note = null) =>
        date.Year is >= 1900 and <= 2100
            ? ParsedValue<DateOnly>.Of(date, approximate, note)
            : ParsedValue<DateOnly>.Fail($"{date:dd/MM/yyyy} is outside the years 1900 to 2100. Check the date.");

    private static readonly System.Buffers.SearchValues<char> Pasted = System.Buffers.SearchValues.Create("\u00A0\u2007\u202F\t\r\n\u2013\u2014\u2012\u2212\u2018\u2019`");

    // Non-breaking spaces, dashes and curly apostrophes pasted from Word read as their plain forms.
    private static string Tidy(string text)
    {
        if (!text.AsSpan().ContainsAny(Pasted))
        {
            return text.Trim().TrimEnd(' ', '.');
        }

        var tidy = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            var plain = c switch
            {
                '\u00A0' or '\u2007' or '\u202F' or '\t' or '\r' or '\n' => ' ',
                '\u2013' or '\u2014' or '\u2012' or '\u2212' => '-',
                '\u2018' or '\u2019' or '`' => '\'',
                _ => c,
            };
            if (plain == ' ' && (space || tidy.Length == 0))
            {
                continue;
            }

            space = plain == ' ';
            tidy.Append(plain);
        }

        return tidy.ToString().TrimEnd(' ', '.');
    }

    [GeneratedRegex(@"\s*(\bonwards?|\band ongoing|\bongoing|\bto date|\bto present|\bto the present|-\s*(present|ongoing|date|now))$", RegexOptions.IgnoreCase | RegexOptions.RightToLeft)]
    private static partial Regex RunsOn();

    [GeneratedRegex(@"^\d+$")]
    private static partial Regex AllDigits();

    [GeneratedRegex(@"^\d{1,6}\.\d+$")]
    private static partial Regex Serial();

    [GeneratedRegex(@"^(?:(?<approx>c\.?|ca\.?|circa|approx\.?|approximately|about|around|est\.?|estimated|by)|from|since|starting|started|start(?:ed)? in|commenced|began|w\.?e\.?f\.?|effective(?: from)?|in)\s+(?<rest>\S.*)$", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex Lead();

    [GeneratedRegex(@"^(FY\s*|financial year\s*)?(?<year>(19|20)\d{2})\s*[/\-]\s*(?<end>\d{2}|\d{4})$", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex FinancialYear();

    [GeneratedRegex(@"^(Q|quarter\s*)(?<q>[1-4])(\s*of)?[\s,]*(FY\s*)?(?<year>(19|20)\d{2})(\s*[/\-]\s*(?<end>\d{2}|\d{4}))?$|^(?<year>(19|20)\d{2})(\s*[/\-]\s*(?<end>\d{2}|\d{4}))?[\s,]+Q(?<q>[1-4])$", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex Quarter();

    [GeneratedRegex(@"^(?<season>spring|summer|autumn|fall|winter)(\s+of)?\s+(?<year>(19|20)\d{2})$", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex Season();

    [GeneratedRegex(@"^(?<part>early|mid|middle of|late|end of|beginning of|start of)[\s\-]+(?<year>(19|20)\d{2})$", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex PartOfYear();

    [GeneratedRegex(@"^(?<month>[A-Za-z]{3,9})\.?[\s\-/,']+(?<year>(19|20)?\d{2})$", RegexOptions.ExplicitCapture)]
    private static partial Regex MonthYear();

    [GeneratedRegex(@"\b(?<day>\d{1,2})(st|nd|rd|th)(\s+of)?\b", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex Ordinal();

    [GeneratedRegex(@"^(?<date>[^()]*\S)\s*\((?<note>[^()]*)\)$", RegexOptions.ExplicitCapture)]
    private static partial Regex TrailingNote();

    [GeneratedRegex(@"\b(approx(imately)?|est(imated?)?|provisional|tbc|circa|about|around)\b", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex ApproximateNote();

    // "from" and "to" of at least a month each, split at " to ", " until ", " till " or a spaced dash ("2009-10" stays a financial year).
    [GeneratedRegex(@"^(?<from>.{4,40}?)\s+(-|to|until|till)\s+(?<to>.{4,40})$", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex DateRange();

    [GeneratedRegex(@"\b(?<month>[A-Za-z]{3,9})\b\.?", RegexOptions.ExplicitCapture)]
    private static partial Regex MonthWord();

    [GeneratedRegex(@"^\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}$")]
    private static partial Regex DayMonthYear();

    [GeneratedRegex(@"^\d{1,2}[\s\-/]+[A-Za-z]{3,9}[\s\-/,]+\d{2,4}$")]
    private static partial Regex DayMonthNameYear();
}
