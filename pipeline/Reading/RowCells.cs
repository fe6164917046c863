namespace SharedServicesPipeline.Pipeline.Reading;

/// <summary>A row's cells as the stages after reading see them: blank text as null, unpaired surrogates replaced, one cell a column.</summary>
internal static class RowCells
{
    internal static object?[] Read(IWorkbookReader reader, int width)
    {
        var cells = new object?[width];
        var count = Math.Min(width, reader.FieldCount);
        for (var i = 0; i < count; i++)
        {
            var value = reader.GetValue(i);
            cells[i] = value is string s ? (string.IsNullOrWhiteSpace(s) ? null : UnpairedSurrogates.Replace(s)) : value;
        }

        return cells;
    }

    internal static object?[] Fit(object?[] cells, int width)
    {
        if (cells.Length == width)
        {
            return cells;
        }

        var fitted = new object?[width];
        Array.Copy(cells, fitted, Math.Min(width, cells.Length));
        return fitted;
    }
}
