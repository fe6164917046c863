namespace SharedServicesPipeline.Pipeline.Publishing;

/// <summary>One table of the extract contract, materialised: snake_case columns and rows of values.</summary>
public sealed record ExtractTable(string Name, IReadOnlyList<ExtractColumn> Columns, IReadOnlyList<object?[]> Rows);
