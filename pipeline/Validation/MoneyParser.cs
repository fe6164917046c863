using System.Globalization;
using System.Text.RegularExpressions;

namespace SharedServicesPipeline.Pipeline.Validation;

/// <summary>Reads pounds as councils write them: 9000000, £9m, £1.2 million, £250k, £ 90,000, c. £40,000, 90,000.50.</summary>
public static partial class MoneyParser
{
    private static readonly HashSet<string> NoValue = new(StringComparer.OrdinalIgnoreCase)
    {
        "", "-", "--", "n/a", "na", "n.a.", "none", "nil", "unknown", "not known", "tbc", "tbd", "not applicable", "?", "n/k", "nk",
    };

    public static ParsedValue<decimal> Parse(object? cell)
    {
        switch (cell)
        {
            case null:
                return ParsedValue<decimal>.None;
            case double d:
                return d < 0 ? ParsedValue<decimal>.Fail("Savings cannot be negative. Enter the amount saved as a positive number of pounds.")
                    : double.IsFinite(d) && d < 1e15 ? ParsedValue<decimal>.Of(Math.Round((decimal)d, 2))
                    : ParsedValue<decimal>.Fail("This amount is too large to be a saving in pounds.");
        }

        var text = Convert.ToString(cell, CultureInfo.InvariantCulture)?.Trim() ?? "";
        if (NoValue.Contains(text))
        {
            return ParsedValue<decimal>.None;
        }

        var match = MoneyPattern().Match(text);
        if (!match.Success)
        {
            return ParsedValue<decimal>.Fail("Not an amount of money. Write pounds as a number, e.g. 250000 or £250k, or leave it blank.");
        }

        if (!decimal.TryParse(match.Groups["number"].Value.Replace(",", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal),
                NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            return ParsedValue<decimal>.Fail("Not an amount of money. Write pounds as a number, e.g. 250000 or £250k, or leave it blank.");
        }

        amount *= match.Groups["unit"].Value.ToLowerInvariant() switch
        {
            "k" or "thousand" or "000s" => 1_000m,
            "m" or "million" or "millions" or "mn" or "mill" => 1_000_000m,
            "bn" or "billion" => 1_000_000_000m,
            _ => 1m,
        };

        if (match.Groups["negative"].Success)
        {
            return ParsedValue<decimal>.Fail("Savings cannot be negative. Enter the amount saved as a positive number of pounds.");
        }

        return ParsedValue<decimal>.Of(Math.Round(amount, 2), match.Groups["approx"].Success);
    }

    [GeneratedRegex(
        @"^(?<approx>(c\.?|ca\.?|circa|approx\.?|approximately|about|around|est\.?|estimated|up to|over|>|~)\s*)?(?<negative>-|\()?\s*£?\s*(?<negative>-)?\s*(?<number>\d[\d, ]*(\.\d+)?)\s*(?<unit>k|m|mn|mill|million|millions|bn|billion|thousand|000s)?\s*\)?\s*(p\.?a\.?|per (year|annum)|a year|pa)?\s*\.?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex MoneyPattern();
}
