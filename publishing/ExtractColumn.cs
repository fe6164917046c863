namespace SharedServicesPipeline.Publishing;

/// <summary>A column of an extract table. <paramref name="Type"/> is the CLR type of its values (nullable where values may be missing).</summary>
public sealed record ExtractColumn(string Name, Type Type);
