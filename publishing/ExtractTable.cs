namespace SharedServicesPipeline.Publishing;

/// <summary>One table of the extract contract, materialised: snake_case columns and rows of values.</summary>
public sealed record ExtractTable(string Name, IReadOnlyList<ExtractColumn> Columns, IReadOnlyList<object?[]> Rows)
{
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
}
