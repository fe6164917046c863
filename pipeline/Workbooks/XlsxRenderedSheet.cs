namespace SharedServicesPipeline.Pipeline.Workbooks;

/// <summary>A sheet's XML rendered ahead of its place in the workbook (<see cref="XlsxStreamWriter.Render"/>), with its table and notes, if any.</summary>
internal sealed record XlsxRenderedSheet(ReadOnlyMemory<byte> Xml, XlsxTable? Table, IReadOnlyList<XlsxNote> Notes);
