namespace SharedServicesPipeline.Pipeline.Submissions;

/// <summary>Where the original file goes once the submission has been handled.</summary>
public enum SubmissionDisposition
{
    /// <summary>Read; its good rows are loaded (possibly none, if every row had a problem).</summary>
    Processed,
    /// <summary>Byte-identical to an earlier submission; nothing changed.</summary>
    Duplicate,
    /// <summary>Could not be read as a submission at all (a file error); nothing loaded.</summary>
    Rejected,
}
