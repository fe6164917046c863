namespace SharedServicesPipeline.DataMart.Quality;

/// <summary>
/// A load left the mart breaking its data tests, so it was rolled back. A fault, not a bad row: the ingest fails,
/// the blob is retried and ends in poison, and an engineer reads the failures in the log.
/// </summary>
public sealed class MartDataTestException : Exception
{
    public MartDataTestException()
        : this("The mart's data tests failed.")
    {
    }

    public MartDataTestException(string message)
        : base(message)
    {
    }

    public MartDataTestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public MartDataTestException(string submissionId, IReadOnlyList<DataTestFailure> failures)
        : base($"Loading submission {submissionId} would break the mart's data tests, so nothing of it was loaded: {string.Join("; ", failures)}.")
    {
        SubmissionId = submissionId;
        Failures = failures;
    }

    public string? SubmissionId { get; }

    public IReadOnlyList<DataTestFailure> Failures { get; } = [];
}
