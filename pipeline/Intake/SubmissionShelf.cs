namespace SharedServicesPipeline.Pipeline.Intake;

/// <summary>Where a submission is filed once it has an outcome.</summary>
public enum SubmissionShelf
{
    /// <summary><c>processed/</c>: loaded, partly loaded, held or a duplicate.</summary>
    Processed,
    /// <summary><c>rejected/</c>: nothing from it was loaded.</summary>
    Rejected,
}
