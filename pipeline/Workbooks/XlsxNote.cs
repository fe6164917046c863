namespace SharedServicesPipeline.Pipeline.Workbooks;

/// <summary>A cell's note (Excel's comment: the red corner, shown on hover); <paramref name="Row"/> and <paramref name="Column"/> are zero-based.</summary>
internal sealed record XlsxNote(int Row, int Column, string Text);
