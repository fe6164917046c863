namespace SharedServicesPipeline.Pipeline.Reading;

/// <summary>One data row as submitted: the raw cell values (string, double, DateTime or bool) of the template columns found.</summary>
public sealed class SubmissionRow
{
    private readonly object?[] _values = new object?[Enum.GetValues<TemplateColumn>().Length];

    public SubmissionRow(string sheet, int rowNumber)
    {
        Sheet = sheet;
        RowNumber = rowNumber;
    }

    public string Sheet { get; }

    /// <summary>The row number as Excel shows it (1-based).</summary>
    public int RowNumber { get; }

    /// <summary>Partners given in wide columns (Partner 1 … Partner N), with the tier the submitter gave, if any.</summary>
    public List<(string Name, string? Tier)> WidePartners { get; } = [];

    public object? this[TemplateColumn column]
    {
        get => _values[(int)column];
        set => _values[(int)column] = value;
    }

    public string? Text(TemplateColumn column) => CellText.Of(this[column]);
}
