namespace SharedServicesPipeline.Pipeline.Reading;

/// <summary>Where the arrangements are on one sheet: the header row found, what each column is, and the header as submitted.</summary>
public sealed class SheetLayout
{
    private readonly Dictionary<TemplateColumn, int> _indexOf = [];

    internal SheetLayout(string sheet, int headerRowNumber, IReadOnlyList<string> headers, int headerRows = 1)
    {
        Sheet = sheet;
        HeaderRowNumber = headerRowNumber;
        LastHeaderRowNumber = headerRowNumber + headerRows - 1;
        Headers = headers;
    }

    public string Sheet { get; }

    /// <summary>The header row's number as Excel shows it.</summary>
    public int HeaderRowNumber { get; }

    /// <summary>The last row of the header: the same row, or the row of sub-headers under it ("Annual" | "To date").</summary>
    public int LastHeaderRowNumber { get; }

    /// <summary>The header cells as submitted, in column order ("" for a blank header cell).</summary>
    public IReadOnlyList<string> Headers { get; }

    /// <summary>How many columns a data row is read to: up to the last non-blank header cell.</summary>
    public int Width => Headers.Count;

    public IReadOnlyCollection<TemplateColumn> Columns => _indexOf.Keys;

    internal Dictionary<int, TemplateColumn> Map { get; } = [];

    internal Dictionary<int, (int Index, bool IsTier)> WidePartner { get; } = [];

    public bool HasWidePartners => WidePartner.Values.Any(p => !p.IsTier);

    /// <summary>The submitting council named once above the header ("Council: Mid Suffolk District Council"), for rows without a column of their own.</summary>
    public string? Submitter { get; internal set; }

    /// <summary>The row above the header that names <see cref="Submitter"/>, as Excel shows it.</summary>
    public int SubmitterRow { get; internal set; }

    /// <summary>The column giving each partner's tier or type beside a one-partner-per-row Partners column, or -1. The register's tier is what loads.</summary>
    internal int PartnerTierIndex { get; set; } = -1;

    /// <summary>The lead column holds a flag (Y, Yes, ✓) on the lead partner's row rather than a name.</summary>
    internal bool LeadIsFlag { get; set; }

    /// <summary>The unit of a savings column given in its header ("Annual savings (£000s)": 1,000), or 1.</summary>
    public decimal ScaleOf(TemplateColumn column) => Scales is not null && Scales.TryGetValue(column, out var scale) ? scale : 1m;

    internal Dictionary<TemplateColumn, decimal>? Scales { get; set; }

    /// <summary>The sheet's name taken as every row's service area, on a sheet per service area without that column.</summary>
    public string? SheetServiceArea { get; internal set; }

    public bool Has(TemplateColumn column) => _indexOf.ContainsKey(column);

    /// <summary>The header a problem in this column is reported under: as submitted, else the template's name for it.</summary>
    public string HeaderFor(TemplateColumn column) =>
        _indexOf.TryGetValue(column, out var index) ? Headers[index] : TemplateColumns.DisplayName(column);

    /// <summary>The index of a column's cell, or -1 when the sheet has no such column.</summary>
    public int IndexOf(TemplateColumn column) => _indexOf.TryGetValue(column, out var index) ? index : -1;

    internal void Remove(TemplateColumn column)
    {
        if (_indexOf.Remove(column, out var index))
        {
            Map.Remove(index);
        }
    }

    internal void Add(int index, TemplateColumn column)
    {
        Map[index] = column;
        _indexOf[column] = index;
    }
}
