namespace SharedServicesPipeline.Pipeline.Reading;

/// <summary>
/// One arrangement over several rows, one partner per row: the title merged down over its partners, written only on the
/// first row, or repeated with the same reference. A row that names a partner and otherwise only blanks, or the same
/// values as the arrangement above it, adds its partner to that arrangement. Holds the one arrangement not yet handed on.
/// </summary>
internal sealed class ContinuationRows
{
    private const int RowsListed = 5;

    private readonly int _partners;
    private readonly int[] _details;
    private SubmissionRow? _pending;
    private object?[]? _pendingCells;

    public ContinuationRows(SheetLayout layout)
    {
        _partners = layout.IndexOf(TemplateColumn.Partners);
        _details = [.. layout.Map.Where(m => m.Value is not (TemplateColumn.Arrangement or TemplateColumn.Partners or TemplateColumn.Submitter)).Select(m => m.Key).Order()];
    }

    /// <summary>The first few rows joined to the arrangement above them, for the sheet's warning.</summary>
    public List<int> JoinedRows { get; } = [];

    public int JoinedCount { get; private set; }

    /// <summary>Adds <paramref name="row"/> to the arrangement above it when it continues it; false when it is an arrangement of its own.</summary>
    /// <param name="ownTitle">The title cell had a value of its own, not one filled down from a merge above.</param>
    public bool TryJoin(SubmissionRow row, object?[] cells, bool ownTitle)
    {
        if (_pending is null || (row[TemplateColumn.Partners] is null && row.WidePartners.Count == 0))
        {
            return false;
        }

        if (row[TemplateColumn.Arrangement] is { } title)
        {
            // The same title merged down, or repeated beside the same reference; two rows that merely share a title stay two.
            if (!Equals(title, _pending[TemplateColumn.Arrangement])
                || (ownTitle && !(row[TemplateColumn.Reference] is { } reference && Equals(reference, _pending[TemplateColumn.Reference]))))
            {
                return false;
            }
        }

        foreach (var i in _details)
        {
            if (cells[i] is { } value && !Equals(value, _pendingCells![i]))
            {
                return false;
            }
        }

        if (row.Text(TemplateColumn.Partners) is { } more)
        {
            var combined = _pending.Text(TemplateColumn.Partners) is { } have ? $"{have}\n{more}" : more;
            _pending[TemplateColumn.Partners] = combined;
            if (_partners >= 0)
            {
                _pendingCells![_partners] = combined; // the report shows the arrangement with all its partners
            }
        }

        _pending.WidePartners.AddRange(row.WidePartners);
        _pending.LastRowNumber = row.RowNumber;
        if (JoinedCount++ < RowsListed)
        {
            JoinedRows.Add(row.RowNumber);
        }

        return true;
    }

    /// <summary>Keeps a row back until the next shows whether it continues it.</summary>
    public void Hold(SubmissionRow row, object?[] cells)
    {
        _pending = row;
        _pendingCells = cells;
    }

    /// <summary>The arrangement held back, now complete, or null.</summary>
    public SubmissionRow? Take()
    {
        var pending = _pending;
        _pending = null;
        _pendingCells = null;
        return pending;
    }
}
