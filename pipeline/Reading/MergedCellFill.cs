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

    public MergedCellFill(IEnumerable<MergedRange>? ranges)
    {
        foreach (var range in ranges ?? [])
        {
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
