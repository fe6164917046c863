namespace SharedServicesPipeline.Pipeline.Reading;

/// <summary>A data row as read: its cells (merges filled down), whether it was blank before the fill, whether its title was its own.</summary>
internal readonly record struct PreparedRow(object?[] Cells, bool Blank, bool OwnTitle);
