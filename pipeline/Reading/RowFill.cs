namespace SharedServicesPipeline.Pipeline.Reading;

/// <summary>Turns a row's raw cells into a <see cref="SubmissionRow"/>'s template columns and wide partners.</summary>
internal static class RowFill
{
    // Copies the template columns and wide partner columns out of the raw cells; false when none of them has a value
    // (a reference or the submitting council alone, filled down a form, is not an arrangement).
    internal static bool Fill(SubmissionRow row, SheetLayout layout, object?[] cells)
    {
        var filled = false;
        bool? lead = null;
        SortedDictionary<int, (string? Name, string? Tier, string? NameColumn, string? TierColumn)>? wide = null;
        for (var i = 0; i < cells.Length; i++)
        {
            if (cells[i] is not { } value)
            {
                continue;
            }

            if (layout.Map.TryGetValue(i, out var column))
            {
                // "Lead?" marked Y on the lead partner's row: the lead is that row's partner.
                if (column == TemplateColumn.LeadAuthority && LeadFlag.Of(value) is { } flag)
                {
                    lead = flag;
                    continue;
                }

                row[column] = value;
                filled |= column is not (TemplateColumn.Reference or TemplateColumn.Submitter);
            }
            else if (layout.WidePartner.TryGetValue(i, out var partner))
            {
                wide ??= [];
                var entry = wide.GetValueOrDefault(partner.Index);
                wide[partner.Index] = partner.IsTier
                    ? (entry.Name, CellText.Of(value), entry.NameColumn, layout.Headers[i])
                    : (CellText.Of(value), entry.Tier, layout.Headers[i], entry.TierColumn);
                filled = true;
            }
        }

        if (wide is not null)
        {
            foreach (var (name, tier, nameColumn, tierColumn) in wide.Values)
            {
                if (name is not null)
                {
                    row.WidePartners.Add(new WidePartner(name, tier, nameColumn!, tierColumn));
                }
            }
        }

        if (lead == true)
        {
            row[TemplateColumn.LeadAuthority] = row[TemplateColumn.Partners] ?? row.WidePartners.FirstOrDefault()?.Name;
        }

        if (filled)
        {
            row[TemplateColumn.ServiceArea] ??= layout.SheetServiceArea;
            row[TemplateColumn.Submitter] ??= layout.Submitter;
        }

        return filled;
    }
}
