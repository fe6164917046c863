namespace SharedServicesPipeline.Pipeline.Reading;

/// <summary>
/// A second header row under the first: "Savings (£)" merged over "Annual" | "To date", with the other headers merged
/// down both rows, or a row of units ("(£)", "dd/mm/yyyy"). Captions combine with the caption above them
/// ("Savings (£) Annual" is Annual savings). A row that fills the title or the partners is data, never sub-headers.
/// </summary>
internal static class SubHeaderRow
{
    private const int MaxSubHeaderLength = 60;

    /// <summary>
    /// The header texts with the row below folded in, or null when that row is not sub-headers.
    /// <paramref name="own"/> says which cells of <paramref name="next"/> hold their own value (not filled down by a merge);
    /// <paramref name="acrossFrom"/> gives the first column of a caption merged across the header row, or -1.
    /// </summary>
    public static string?[]? Combine(IReadOnlyList<string?> header, object?[] next, bool[] own, Func<int, int> acrossFrom, SheetLayout layout, HeaderSynonyms synonyms)
    {
        var width = Math.Max(header.Count, next.Length);
        var subs = new List<int>();
        var allUnits = true;
        for (var i = 0; i < next.Length; i++)
        {
            if (!own[i] || next[i] is null)
            {
                continue;
            }

            if (next[i] is not string text || text.Length > MaxSubHeaderLength
                || i == layout.IndexOf(TemplateColumn.Arrangement) || i == layout.IndexOf(TemplateColumn.Partners))
            {
                return null;
            }

            allUnits &= IsUnitHint(text);
            subs.Add(i);
        }

        if (subs.Count == 0)
        {
            return null;
        }

        var combined = new string?[width];
        for (var i = 0; i < header.Count; i++)
        {
            combined[i] = header[i];
        }

        var gained = false;
        foreach (var i in subs)
        {
            var sub = ((string)next[i]!).Trim();
            if (IsUnitHint(sub))
            {
                continue; // "(£)" under "Annual savings" adds nothing to the name
            }

            var caption = Caption(header, i, acrossFrom);
            var captionColumn = caption is null ? null : synonyms.Resolve(caption);
            // "Savings (£)" over "To date" reads "Savings (£) To date"; over "Annual" it reads "Annual Savings (£)".
            string[] readings = caption is null ? [sub] : [$"{caption} {sub}", $"{sub} {caption}", sub];
            combined[i] = readings[0];
            TemplateColumn? column = null;
            foreach (var reading in readings)
            {
                if (synonyms.Resolve(reading) is { } resolved)
                {
                    (column, combined[i]) = (resolved, reading);
                    break;
                }
            }

            // New information only: a value under a header that already says what the column is ("Legal" under
            // "Service area") is a data row's, not a sub-header.
            gained |= column is { } c && c != captionColumn && (!layout.Has(c) || layout.IndexOf(c) == i);
        }

        return gained || allUnits ? combined : null;
    }

    // The caption above a column: its own header cell, else the caption merged across it, else the nearest one to its left.
    private static string? Caption(IReadOnlyList<string?> header, int column, Func<int, int> acrossFrom)
    {
        if (column < header.Count && header[column] is { } own)
        {
            return own;
        }

        if (acrossFrom(column) is >= 0 and var from && from < header.Count && header[from] is { } merged)
        {
            return merged;
        }

        for (var i = Math.Min(column, header.Count) - 1; i >= 0; i--)
        {
            if (header[i] is { } left)
            {
                return left;
            }
        }

        return null;
    }

    // "(£)", "£000s", "dd/mm/yyyy", "%": a row of units under the header names nothing new but is not data either.
    private static bool IsUnitHint(string text)
    {
        foreach (var c in text)
        {
            if (!(c is '£' or '$' or '€' or '%' or '(' or ')' or '[' or ']' or '/' or '.' or ',' or '-' or '\'' or ' ' or 's' or 'k' or 'K' or 'm' or 'M' or 'd' or 'D' or 'y' or 'Y' || char.IsAsciiDigit(c)))
            {
                return false;
            }
        }

        return true;
    }
}
