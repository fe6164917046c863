using SharedServicesPipeline.Pipeline.Loading;
using SharedServicesPipeline.Pipeline.Submissions;

namespace SharedServicesPipeline.Pipeline.Reporting;

/// <summary>
/// Finds the council's previous return and says what changed since: the newest earlier submission with the same file
/// name, else the newest whose lead authorities are the same. Its problems come from its outcome.json and its
/// arrangements from its arrangements.json, both beside its report.
/// </summary>
public sealed class PreviousReturnFinder(ISubmissionHistory history, IReportSink reports)
{
    /// <summary>Earlier submissions looked at, newest first.</summary>
    internal const int Lookback = 50;

    /// <param name="council">The submitting council (its folder under incoming/), when it has one: its own last return is
    /// the previous one, whatever either file is called, and no other council's or the programme team's ever is.</param>
    public async Task<SubmissionChanges?> CompareAsync(ArrangementSnapshot current, IReadOnlyList<SubmissionProblem> problems, CancellationToken cancellationToken, string? council = null)
    {
        var earlier = await history.ListEarlierAsync(current.SubmissionId, Lookback, cancellationToken);
        if (council is not null)
        {
            foreach (var candidate in earlier.Where(e => string.Equals(e.SubmittingCouncil, council, StringComparison.OrdinalIgnoreCase)))
            {
                if (await CompareWithAsync(candidate, current, problems, $"the same council ({council})", null, cancellationToken) is { } changes)
                {
                    return changes;
                }
            }

            return null;
        }

        earlier = [.. earlier.Where(e => e.SubmittingCouncil is null)];
        foreach (var candidate in earlier.Where(e => string.Equals(e.FileName, current.FileName, StringComparison.OrdinalIgnoreCase)))
        {
            if (await CompareWithAsync(candidate, current, problems, "the same file name", null, cancellationToken) is { } changes)
            {
                return changes;
            }
        }

        if (current.LeadAuthorities.Count == 0)
        {
            return null;
        }

        foreach (var candidate in earlier)
        {
            if (await CompareWithAsync(candidate, current, problems, "the same lead authorities", current.LeadAuthorities, cancellationToken) is { } changes)
            {
                return changes;
            }
        }

        return null;
    }

    private async Task<SubmissionChanges?> CompareWithAsync(EarlierSubmission candidate, ArrangementSnapshot current, IReadOnlyList<SubmissionProblem> problems,
        string matchedBy, IReadOnlyList<string>? leads, CancellationToken cancellationToken)
    {
        // A submission reported before arrangements.json existed (or a refused one) has nothing to compare with.
        Task<Stream?> Open(CancellationToken token) => reports.OpenReadAsync(candidate.SubmissionId, ArrangementSnapshot.ReportName, token);
        await using var json = await Open(cancellationToken);
        if (json is null)
        {
            return null;
        }

        // Only the problems it listed are compared (the same cap applies to this return's).
        var outcome = await reports.ReadAsync(candidate.SubmissionId, OutcomeReport.FileName, cancellationToken) is { } o ? OutcomeReport.Read(o) : null;
        return await SubmissionChanges.CompareAsync(json, Open, outcome?.Problems ?? [], current, problems, matchedBy, leads, cancellationToken);
    }
}
