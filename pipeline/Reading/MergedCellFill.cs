namespace SharedServicesPipeline.Pipeline.Reading;

/// <summary>
/// A cell merged down over several data rows (a Service area spanning three arrangements) holds its value only in the
/// top cell; the submitter means it for every row, so the value is filled down. Horizontal spans are left alone: a
/// Description merged across two columns does not belong in the second column.
/// </summary>
internal sealed class MergedCellFill
{
    private readonly Dictionary<int, List<MergedRange>> _startingAt = [];
    private readonly List<(MergedRange Range, object? Value)> _active = [];
    private readonly List<MergedRange> _across = [];

    public MergedCellFill(IEnumerable<MergedRange>? ranges)
    {
        foreach (var range in ranges ?? [])
        {
            if (range.ToColumn > range.FromColumn && range.FromColumn >= 0 && range.FromRow >= 0)
            {
                _across.Add(range);
            }

            if (range.ToRow <= range.FromRow || range.FromColumn < 0 || range.FromRow < 0)
            {
                continue;
            }

            if (!_startingAt.TryGetValue(range.FromRow, out var list))
            {
                _startingAt[range.FromRow] = list = [];
            }

            list.Add(range);
        }
    }

    public bool IsEmpty => _startingAt.Count == 0 && _active.Count == 0;

    /// <summary>
    /// The first column of a merge across columns covering (0-based) <paramref name="rowIndex"/>, <paramref name="column"/>,
    /// or -1: a header caption such as "Savings (£)" merged over "Annual" and "To date" belongs to both columns below it.
    /// </summary>
    public int AcrossFrom(int rowIndex, int column)
    {
        foreach (var range in _across)
        {
            if (range.FromRow <= rowIndex && rowIndex <= range.ToRow && range.FromColumn <= column && column <= range.ToColumn)
            {
                return range.FromColumn;
            }
        }

        return -1;
    }

    /// <summary>Fills the cells of one row (0-based <paramref name="rowIndex"/>, read in order) from the merges above it.</summary>
    public void Apply(int rowIndex, object?[] cells)
    {
        if (IsEmpty)
        {
            return;
        }

        _active.RemoveAll(a => a.Range.ToRow < rowIndex);
        foreach (var (range, value) in _active)
        {
            if (range.FromColumn < cells.Length && cells[range.FromColumn] is null)
            {
                cells[range.FromColumn] = value;
            }
        }

        if (_startingAt.Remove(rowIndex, out var starting))
        {
            foreach (var range in starting)
            {
                _active.Add((range, range.FromColumn < cells.Length ? cells[range.FromColumn] : null));
            }
        }
    }
}
