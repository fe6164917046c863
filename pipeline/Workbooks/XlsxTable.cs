namespace SharedServicesPipeline.Pipeline.Workbooks;

/// <summary>An Excel table over a sheet's rows: header in <paramref name="FirstRow"/>, data to <paramref name="LastRow"/>, then (optionally) a totals row.</summary>
internal sealed record XlsxTable(string Name, IReadOnlyList<string> Headers, int FirstRow, int LastRow, bool AutoFilter, XlsxTableTotals? Totals);

/// <summary>A table's totals row: a label in the first column and sums of the named columns.</summary>
internal sealed record XlsxTableTotals(string Label, IReadOnlySet<string> Sums);
