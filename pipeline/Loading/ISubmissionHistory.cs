namespace SharedServicesPipeline.Pipeline.Loading;

/// <summary>The submissions the mart has loaded, as the submitter's report looks back at them. Implemented by the data mart.</summary>
public interface ISubmissionHistory
{
    /// <summary>
    /// The submissions loaded before <paramref name="submissionId"/> (not it, nor the held rows released at a refresh),
    /// newest first, at most <paramref name="max"/>.
    /// </summary>
    Task<IReadOnlyList<EarlierSubmission>> ListEarlierAsync(string submissionId, int max, CancellationToken cancellationToken);
}

/// <summary>A submission loaded earlier: its id, the name its file had and when it arrived.</summary>
/// <param name="SubmittingCouncil">The council whose folder it came from (incoming/&lt;code&gt;/); null for the programme team's.</param>
public sealed record EarlierSubmission(string SubmissionId, string FileName, DateTimeOffset ReceivedAt, string? SubmittingCouncil = null);
