namespace SharedServicesPipeline.Pipeline.Submissions;

public enum ProblemSeverity
{
    /// <summary>Loaded, but the submitter should look (e.g. an unknown column, an approximate date).</summary>
    Warning,
    /// <summary>The row is not loaded; the rest of the file is.</summary>
    RowError,
    /// <summary>Nothing in the file is loaded; the file is kept.</summary>
    FileError,
}
