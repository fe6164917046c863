namespace SharedServicesPipeline.Pipeline.Reading;

/// <summary>One data row as submitted: every cell up to the header's width, and the template columns found among them.</summary>
public sealed class SubmissionRow
{
    private readonly object?[] _values = new object?[TemplateColumns.Count];

    public SubmissionRow(SheetLayout layout, int rowNumber, object?[] cells)
    {
        Layout = layout;
        RowNumber = rowNumber;
        Cells = cells;
    }

    public SheetLayout Layout { get; }

    public string Sheet => Layout.Sheet;

    /// <summary>The row number as Excel shows it (1-based).</summary>
    public int RowNumber { get; }

    /// <summary>The last row of the arrangement: later than <see cref="RowNumber"/> when its partners continue on the rows below.</summary>
    public int LastRowNumber
    {
        get => _lastRowNumber == 0 ? RowNumber : _lastRowNumber;
        internal set => _lastRowNumber = value;
    }

    private int _lastRowNumber;

    /// <summary>The raw cells (string, double, DateTime or bool) in submitted column order, merged cells filled down.</summary>
    public IReadOnlyList<object?> Cells { get; }

    /// <summary>
    /// Where each part of the partners was written, when they came from more than one row (continuation rows, a partners
    /// sheet); null when they are all on <see cref="RowNumber"/>.
    /// </summary>
    public List<PartnerSource>? PartnerSources { get; internal set; }

    /// <summary>A row that only adds a partner (the long layout's continuation row) with no arrangement above it to add it to.</summary>
    public bool ContinuesNothing { get; internal set; }

    /// <summary>Partners given in wide columns (Partner 1 … Partner N), with the tier the submitter gave, if any.</summary>
    public List<WidePartner> WidePartners { get; } = [];

    public object? this[TemplateColumn column]
    {
        get => _values[(int)column];
        set => _values[(int)column] = value;
    }

    public string? Text(TemplateColumn column) => CellText.Of(this[column]);
}
