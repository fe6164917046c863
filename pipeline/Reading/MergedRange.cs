namespace SharedServicesPipeline.Pipeline.Reading;

/// <summary>A merged range of a sheet, 0-based and inclusive (ExcelDataReader's numbering: a reference it cannot read gives -1).</summary>
internal readonly record struct MergedRange(int FromRow, int FromColumn, int ToRow, int ToColumn);
