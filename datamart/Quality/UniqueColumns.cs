namespace SharedServicesPipeline.DataMart.Quality;

/// <summary>A table's columns that no two of its rows may share, as a uniqueness test names them.</summary>
internal sealed record UniqueColumns(string Table, params string[] Columns);
