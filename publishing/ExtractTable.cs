namespace SharedServicesPipeline.Publishing;

/// <summary>
/// One table of the extract contract: snake_case columns, each column's values held as its own type
/// (<see cref="ExtractValues{T}"/>), read by every artifact through <see cref="ExtractTableRows"/>.
/// </summary>
public sealed class ExtractTable
{
    private readonly ExtractValues[] _values;

    /// <summary>A table of typed columns, <paramref name="values"/> in the order of <paramref name="columns"/>, all of one length.</summary>
    public ExtractTable(string name, IReadOnlyList<ExtractColumn> columns, IReadOnlyList<ExtractValues> values)
    {
        if (columns.Count != values.Count)
        {
            throw new ArgumentException($"Extract table {name} has {columns.Count} columns but {values.Count} columns of values.", nameof(values));
        }

        Name = name;
        Columns = columns;
        _values = [.. values];
        RowCount = _values.Length == 0 ? 0 : _values[0].Count;
        for (var i = 0; i < _values.Length; i++)
        {
            if (_values[i].Count != RowCount)
            {
                throw new ArgumentException($"Extract table {name}: column {columns[i].Name} has {_values[i].Count} values, not {RowCount}.", nameof(values));
            }
        }
    }

    /// <summary>A table from rows of values (a small or made-up table), each column typed as <paramref name="columns"/> says.</summary>
    public ExtractTable(string name, IReadOnlyList<ExtractColumn> columns, IEnumerable<object?[]> rows)
        : this(name, columns, FromRows(columns, rows))
    {
    }

    public string Name { get; }

    public IReadOnlyList<ExtractColumn> Columns { get; }

    public int RowCount { get; }

    /// <summary>The values of the column at <paramref name="column"/>.</summary>
    public ExtractValues ValuesAt(int column) => _values[column];

    /// <summary>The position of a column, or -1 if the table has none of that name.</summary>
    public int IndexOf(string column)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (string.Equals(Columns[i].Name, column, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private static ExtractValues[] FromRows(IReadOnlyList<ExtractColumn> columns, IEnumerable<object?[]> rows)
    {
        var values = columns.Select(c => ExtractValues.For(c.Type)).ToArray();
        foreach (var row in rows)
        {
            for (var i = 0; i < values.Length; i++)
            {
                values[i].AddBoxed(row[i]);
            }
        }

        foreach (var column in values)
        {
            column.Complete();
        }

        return values;
    }
}
