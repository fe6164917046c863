using System.Text.RegularExpressions;

namespace SharedServicesPipeline.Pipeline.Reading;

/// <summary>
/// What the lines above a sheet's header say about the return: the authority sending it, as written ("Authority: Kent
/// district councils, collated by the county"), and the period it covers ("Return for 2017/18"). Contact lines
/// ("Completed by: …", emails, telephone numbers) and the date completed are read past and never kept.
/// </summary>
public sealed partial record TitleBlock(string Sheet)
{
    /// <summary>The submitting authority as written above the header, or null.</summary>
    public string? Authority { get; internal set; }

    /// <summary>The row of the authority's line, as Excel shows it (0 when there is none).</summary>
    public int AuthorityRow { get; internal set; }

    /// <summary>The financial year the return covers, written the UK public sector's way ("2017/18"), or null.</summary>
    public string? Period { get; internal set; }

    public bool IsEmpty => Authority is null && Period is null;

    /// <summary>Takes what one line above the header says; a line the header search passed over.</summary>
    internal void Add(IReadOnlyList<string?> texts, int rowNumber, HeaderSynonyms synonyms)
    {
        if (Authority is null && SubmitterLabel.Read(texts, synonyms) is { } named)
        {
            (Authority, AuthorityRow) = (named, rowNumber);
            return;
        }

        if (Period is null)
        {
            foreach (var text in texts)
            {
                if (text is not null && PeriodOf(text) is { } period)
                {
                    Period = period;
                    return;
                }
            }
        }
    }

    /// <summary>"2017/18", "2011-12", "2015/2016", "2019–20" as "yyyy/yy"; null when the text names no financial year.</summary>
    internal static string? PeriodOf(string text)
    {
        foreach (Match match in FinancialYear().Matches(text))
        {
            var first = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            var second = int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
            // Only a pair of consecutive years is a financial year: "14/05/2018" and "2018-05-14" are dates.
            if (second % 100 == (first + 1) % 100 && (second < 100 || second == first + 1))
            {
                return $"{first}/{(first + 1) % 100:00}";
            }
        }

        return null;
    }

    [GeneratedRegex(@"(?<![\d/.\-])((?:19|20)\d\d)\s?[/\-–]\s?((?:19|20)?\d\d)(?![\d/.\-])", RegexOptions.CultureInvariant)]
    private static partial Regex FinancialYear();
}
