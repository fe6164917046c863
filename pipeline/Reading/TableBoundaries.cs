namespace SharedServicesPipeline.Pipeline.Reading;

/// <summary>Rows that end a table or start another under it: totals and footers, a repeated header, a caption.</summary>
internal static class TableBoundaries
{
    // Totals and notes under the table end it: "Total", "Grand total", "Notes:", "Source: …".
    internal static bool IsTrailer(SubmissionRow row)
    {
        if (row.Text(TemplateColumn.Partners) is not null || row.WidePartners.Count > 0)
        {
            return false;
        }

        var label = row.Text(TemplateColumn.Arrangement) ?? row.Text(TemplateColumn.Reference) ?? row.Text(TemplateColumn.ServiceArea);
        if (label is null)
        {
            return false;
        }

        if (label.StartsWith('*'))
        {
            return true;
        }

        var trimmed = label.AsSpan().TrimStart(' ');
        foreach (var prefix in TrailerPrefixes)
        {
            if (trimmed.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        // A system's footer says when it ran or how many rows it printed; without a figure it may be a title ("Print and post").
        if (trimmed.IndexOfAnyInRange('0', '9') >= 0)
        {
            foreach (var prefix in FooterPrefixes)
            {
                if (trimmed.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // What ends a table: its totals, notes and sources.
    private static readonly string[] TrailerPrefixes = ["total", "grand total", "sub-total", "subtotal", "note", "source:", "end of report"];

    // The footer a system's report prints under its rows ("Report generated 01/12/2012 by …", "Rows: 2").
    private static readonly string[] FooterPrefixes =
    [
        "report generated", "generated ", "generated:", "printed ", "printed:", "exported ", "exported:", "extracted ", "report run",
        "run on ", "run date", "rows:", "row count", "records:", "number of records", "record count", "count:", "page ", "produced by", "produced on",
    ];

    // The same header again further down: a second table on the sheet ("Planned arrangements" under "Live arrangements").
    internal static bool IsRepeatedHeader(SubmissionRow row, SheetLayout layout, HeaderSynonyms synonyms)
    {
        var title = layout.IndexOf(TemplateColumn.Arrangement);
        var partners = layout.IndexOf(TemplateColumn.Partners);
        var key = title >= 0 ? title : partners;
        if (key < 0 || row.Cells[key] is not string text || !string.Equals(text.Trim(), layout.Headers[key].Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var same = 0;
        foreach (var (index, column) in layout.Map)
        {
            if (row.Cells[index] is string cell && synonyms.Resolve(cell) == column)
            {
                same++;
            }
        }

        return same >= 2;
    }

    // A caption over the next table ("Planned arrangements"): one text cell and nothing else.
    internal static bool IsCaption(SubmissionRow row)
    {
        if (row.WidePartners.Count > 0)
        {
            return false;
        }

        var filled = 0;
        foreach (var index in row.Layout.Map.Keys)
        {
            if (row.Cells[index] is not null && ++filled > 1)
            {
                return false;
            }
        }

        return filled == 1;
    }
}
