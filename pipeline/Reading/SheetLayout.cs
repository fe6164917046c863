namespace SharedServicesPipeline.Pipeline.Reading;

/// <summary>Where the arrangements are on one sheet: the header row found, what each column is, and the header as submitted.</summary>
public sealed class SheetLayout
{
    private readonly Dictionary<TemplateColumn, int> _indexOf = [];

    internal SheetLayout(string sheet, int headerRowNumber, IReadOnlyList<string> headers)
    {
        Sheet = sheet;
        HeaderRowNumber = headerRowNumber;
        Headers = headers;
    }

    public string Sheet { get; }

    /// <summary>The header row's number as Excel shows it.</summary>
    public int HeaderRowNumber { get; }

    /// <summary>The header cells as submitted, in column order ("" for a blank header cell).</summary>
    public IReadOnlyList<string> Headers { get; }

    /// <summary>How many columns a data row is read to: up to the last non-blank header cell.</summary>
    public int Width => Headers.Count;

    public IReadOnlyCollection<TemplateColumn> Columns => _indexOf.Keys;

    internal Dictionary<int, TemplateColumn> Map { get; } = [];

    internal Dictionary<int, (int Index, bool IsTier)> WidePartner { get; } = [];

    public bool HasWidePartners => WidePartner.Values.Any(p => !p.IsTier);

    public bool Has(TemplateColumn column) => _indexOf.ContainsKey(column);

    /// <summary>The header a problem in this column is reported under: as submitted, else the template's name for it.</summary>
    public string HeaderFor(TemplateColumn column) =>
        _indexOf.TryGetValue(column, out var index) ? Headers[index] : TemplateColumns.DisplayName(column);

    internal void Add(int index, TemplateColumn column)
    {
        Map[index] = column;
        _indexOf[column] = index;
    }
}
