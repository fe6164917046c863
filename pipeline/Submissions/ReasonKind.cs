namespace SharedServicesPipeline.Pipeline.Submissions;

/// <summary>How much a reason code matters to the submitter, in the order they should deal with them.</summary>
public enum ReasonKind
{
    /// <summary>Nothing in the file was loaded: must fix before anything loads.</summary>
    FileError,
    /// <summary>The row was not loaded: must fix for it to load.</summary>
    RowError,
    /// <summary>The row is kept for review and loads once a partner's name is resolved: fix it, or wait.</summary>
    Held,
    /// <summary>The row loaded, but something was read in a way the submitter may not have meant: advice.</summary>
    Warning,
}
