namespace SharedServicesPipeline.Pipeline.Reading;

/// <summary>A header row found: the sheet's layout, the first data row if it was read to settle the header, and the title block above.</summary>
internal readonly record struct HeaderFound(SheetLayout Layout, PreparedRow? FirstRow, TitleBlock Title);
