using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SharedServicesPipeline.Pipeline.Validation;

/// <summary>
/// Reads pounds as councils write them: 9000000, £9m, £1.2 million, £250k, £ 90,000, c. £40,000, 90,000.50, £200k pa,
/// a figure followed by a note ("£45,000 (estimated)", "£80,000 - see note 3"). Nil, none and £0 are zero; "not yet
/// known" and the like are no figure. What is not one figure is never guessed silently: a range loads its lower end, an
/// upper limit ("up to £50k") loads nothing, and an annual saving written as a total over years loads the yearly
/// average, each with a warning; words that are no figure at all ("See description") load nothing, with a warning.
/// </summary>
public static partial class MoneyParser
{
    public const string RangeCode = "savings.range";
    public const string AveragedCode = "savings.averaged";
    public const string NotAFigureCode = "savings.not-a-figure";
    public const string NegativeCode = "savings.negative";
    public const string InvalidCode = "savings.invalid";

    private const int MaxFigureLength = 120;

    private const string Negative = "Savings cannot be negative. Enter the amount saved as a positive number of pounds, and describe a net cost in the Description.";
    private const string NotMoney = "Not an amount of money. Write pounds as a number, e.g. 250000 or £250k, or leave it blank.";

    private static readonly HashSet<string> NoValue = new(StringComparer.OrdinalIgnoreCase)
    {
        "", "-", "--", "n/a", "na", "n.a.", "unknown", "tbc", "tbd", "tba", "to be confirmed", "?", "??", "n/k", "nk", "n/q", "various", "x",
        "unquantified", "unquantifiable", "awaiting figures", "pending",
    };

    private static readonly HashSet<string> Zero = new(StringComparer.OrdinalIgnoreCase)
    {
        "nil", "£nil", "zero", "none", "no savings", "no saving", "no financial savings", "no cashable savings", "no savings yet", "none yet",
    };

    private static readonly Dictionary<string, int> Counts = new(StringComparer.OrdinalIgnoreCase)
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10,
    };

    /// <summary>
    /// Reads a savings cell; <paramref name="annual"/> says it is a per-year figure (so a total over years is averaged);
    /// <paramref name="scale"/> is the column's unit (1,000 under "Annual savings (£000s)"), applied to figures written without one.
    /// </summary>
    public static ParsedValue<decimal> Parse(object? cell, bool annual = false, decimal scale = 1m)
    {
        switch (cell)
        {
            case null:
                return ParsedValue<decimal>.None;
            case double d:
                return d < 0 ? ParsedValue<decimal>.Fail(Negative, NegativeCode)
                    : double.IsFinite(d) && d < 1e15 ? ParsedValue<decimal>.Of(Math.Round((decimal)d * scale, 2))
                    : ParsedValue<decimal>.Fail("This amount is too large to be a saving in pounds.");
        }

        // "GBP 25,000", "25,000 GBP": pounds written as the currency's code.
        var text = CurrencyCode().Replace(Tidy(Convert.ToString(cell, CultureInfo.InvariantCulture) ?? ""), m => m.Index == 0 ? "£" : "");
        if (NoValue.Contains(text))
        {
            return ParsedValue<decimal>.None;
        }

        if (Zero.Contains(text))
        {
            return ParsedValue<decimal>.Of(0m);
        }

        if (text.Length > MaxFigureLength)
        {
            // A paragraph is not a figure; the patterns below are for cells, not essays.
            return text.Any(char.IsAsciiDigit) ? ParsedValue<decimal>.Fail(NotMoney)
                : ParsedValue<decimal>.Warn(null, NotAFigureCode, $"'{Show(text)}' is not a figure, so no saving was loaded. Write the amount in pounds (e.g. £250k), or leave the cell blank.");
        }

        if (Single().Match(text) is { Success: true } single)
        {
            return single.Groups["negative"].Success
                ? ParsedValue<decimal>.Fail(Negative, NegativeCode)
                : Amount(single, scale, out var amount) ? ParsedValue<decimal>.Of(amount, single.Groups["approx"].Success) : ParsedValue<decimal>.Fail(NotMoney);
        }

        if (Range().Match(text) is { Success: true } range)
        {
            return FromRange(range, text, scale);
        }

        if (UpperLimit().Match(text) is { Success: true })
        {
            return ParsedValue<decimal>.Warn(null, RangeCode, $"'{Show(text)}' gives only an upper limit, so no saving was loaded. Give the expected figure if you can.");
        }

        if (LowerLimit().Match(text) is { Success: true } lower && Amount(lower, scale, out var least))
        {
            return ParsedValue<decimal>.Warn(Math.Round(least, 2), RangeCode, $"'{Show(text)}' gives only a lower limit; {least:£#,##0.##} was loaded. Give the figure if you know it.");
        }

        if (Spread().Match(text) is { Success: true } spread && Amount(spread, scale, out var total) && Years(spread.Groups["years"].Value) is { } years)
        {
            if (!annual)
            {
                return ParsedValue<decimal>.Of(Math.Round(total, 2)); // a total saved so far is the total, however long it took
            }

            var perYear = Math.Round(total / years, 2);
            return ParsedValue<decimal>.Warn(perYear, AveragedCode, $"'{Show(text)}' was read as {perYear:£#,##0.##} a year: the total divided by {years} years. Give the saving per year if it is not spread evenly.");
        }

        if (!text.Any(char.IsAsciiDigit))
        {
            // "Not yet known", "Not quantified", "Non-cashable", "To be determined": no figure, and none was meant.
            return text.StartsWith("not ", StringComparison.OrdinalIgnoreCase) || text.StartsWith("non", StringComparison.OrdinalIgnoreCase) || text.StartsWith("to be ", StringComparison.OrdinalIgnoreCase)
                ? ParsedValue<decimal>.None
                : ParsedValue<decimal>.Warn(null, NotAFigureCode, $"'{Show(text)}' is not a figure, so no saving was loaded. Write the amount in pounds (e.g. £250k), or leave the cell blank.");
        }

        return ParsedValue<decimal>.Fail(NotMoney);
    }

    private static ParsedValue<decimal> FromRange(Match range, string text, decimal scale)
    {
        if (!decimal.TryParse(Digits(range.Groups["number"].Value), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var low)
            || !decimal.TryParse(Digits(range.Groups["high"].Value), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var high))
        {
            return ParsedValue<decimal>.Fail(NotMoney);
        }

        // "£100-150k": the unit written once applies to both ends.
        var highUnit = range.Groups["highunit"].Success ? Multiplier(range.Groups["highunit"].Value) : scale;
        var lowUnit = range.Groups["unit"].Success ? Multiplier(range.Groups["unit"].Value) : highUnit;
        low *= lowUnit;
        high *= highUnit;
        if (high < low)
        {
            return ParsedValue<decimal>.Fail(NotMoney);
        }

        low = Math.Round(low, 2);
        return ParsedValue<decimal>.Warn(low, RangeCode, $"'{Show(text)}' is a range; its lower end, {low:£#,##0.##}, was loaded. Give one figure if you can.");
    }

    private static bool Amount(Match match, decimal scale, out decimal amount)
    {
        if (!decimal.TryParse(Digits(match.Groups["number"].Value), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out amount))
        {
            return false;
        }

        // A unit in the cell ("£250k") wins over the column's ("£000s").
        amount = Math.Round(amount * (match.Groups["unit"].Success ? Multiplier(match.Groups["unit"].Value) : scale), 2);
        return true;
    }

    private static decimal Multiplier(string unit) => unit.ToLowerInvariant() switch
    {
        "k" or "thousand" or "000s" or "000" => 1_000m,
        "m" or "million" or "millions" or "mn" or "mill" => 1_000_000m,
        "bn" or "billion" => 1_000_000_000m,
        _ => 1m,
    };

    private static int? Years(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? (n is > 0 and <= 50 ? n : null)
        : Counts.TryGetValue(text, out var word) ? word : null;

    private static string Digits(string number) => number.Replace(",", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);

    // A problem quotes the cell; a whole paragraph helps nobody.
    private static string Show(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 60), "…");

    private static readonly System.Buffers.SearchValues<char> Pasted = System.Buffers.SearchValues.Create("\u00A0\u2007\u202F\t\r\n\u2013\u2014\u2012\u2212\u2018\u2019`");

    // Non-breaking spaces and dashes pasted from Word read as their plain forms.
    private static string Tidy(string text)
    {
        if (!text.AsSpan().ContainsAny(Pasted))
        {
            return text.Trim().TrimEnd('.').Trim();
        }

        var tidy = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            tidy.Append(c switch
            {
                '\u00A0' or '\u2007' or '\u202F' or '\t' or '\r' or '\n' => ' ',
                '\u2013' or '\u2014' or '\u2012' or '\u2212' => '-',
                _ => c,
            });
        }

        return tidy.ToString().Trim().TrimEnd('.').Trim();
    }

    [GeneratedRegex(@"^GBP\s*|\s*\bGBP$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CurrencyCode();

    private const string Approx = @"(?<approx>(c\.?|ca\.?|circa|approx\.?|approximately|about|around|roughly|est\.?|estimated|~)\s*)?";
    private const string Money = @"£?\s*(?<number>\d[\d, ]*(\.\d+)?|\.\d+)\s*(?<unit>k|m|mn|mill|million|millions|bn|billion|thousand|000s)?";
    private const string PerYear = @"(\s*(p\.?a\.?|p/a|per (year|annum|yr)|a year|pa|annually|each year|/yr|/year|per annum recurring))?";
    private const string Note = @"(\s*(\(.*\)|[-,;:]\s*[A-Za-z].*|(estimated|est|approx|approximately|expected|forecast|projected|target|anticipated|recurring|ongoing|cashable|net|gross|in total|total|overall|so far|to date|achieved|identified|saving|savings)\b.*))?";

    [GeneratedRegex("^" + Approx + @"(?<negative>-|\()?\s*£?\s*(?<negative>-)?\s*(?<number>\d[\d, ]*(\.\d+)?|\.\d+)\s*(?<unit>k|m|mn|mill|million|millions|bn|billion|thousand|000s)?\s*\)?" + PerYear + Note + @"\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Single();

    [GeneratedRegex("^" + Approx + @"((between|from)\s+)?£?\s*(?<number>\d[\d,]*(\.\d+)?)\s*(?<unit>k|m|mn|million|bn|thousand)?\s*(-|to|and)\s*£?\s*(?<high>\d[\d,]*(\.\d+)?)\s*(?<highunit>k|m|mn|million|bn|thousand)?" + PerYear + Note + @"\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Range();

    [GeneratedRegex(@"^(up\s*to|less than|under|below|max\.?|maximum( of)?|no more than|not more than|<|≤)\s*" + Money + PerYear + Note + @"\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex UpperLimit();

    [GeneratedRegex(@"^((over|more than|at least|min\.?|minimum( of)?|in excess of|>|≥)\s*" + Money + "|" + Money + @"\s*(\+|plus|or more))" + PerYear + Note + @"\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex LowerLimit();

    [GeneratedRegex("^" + Approx + Money + @"\s+(total\s+)?(over|across|in|during)\s+(the\s+)?((next|first|last)\s+)?(?<years>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)[\s\-]*(full\s+)?(financial\s+)?(years?|yrs?)(\s+.*)?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Spread();
}
