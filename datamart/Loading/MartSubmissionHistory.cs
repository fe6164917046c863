using Microsoft.EntityFrameworkCore;
using SharedServicesPipeline.Pipeline.Loading;

namespace SharedServicesPipeline.DataMart.Loading;

/// <summary>Earlier submissions from dim_submission, newest first (by key: SQLite cannot order by a DateTimeOffset).</summary>
internal sealed class MartSubmissionHistory(MartDbContext db) : ISubmissionHistory
{
    public async Task<IReadOnlyList<EarlierSubmission>> ListEarlierAsync(string submissionId, int max, CancellationToken cancellationToken)
    {
        var current = await db.Submissions.AsNoTracking().Where(s => s.SubmissionId == submissionId).Select(s => (int?)s.SubmissionKey).SingleOrDefaultAsync(cancellationToken);
        var query = db.Submissions.AsNoTracking().Where(s => s.SubmissionId != submissionId && s.FileName != HeldRowResolver.FileName);
        if (current is { } key)
        {
            query = query.Where(s => s.SubmissionKey < key);
        }

        return await query.OrderByDescending(s => s.SubmissionKey).Take(max)
            .Select(s => new EarlierSubmission(s.SubmissionId, s.FileName, s.ReceivedAt, s.SubmittingCouncil))
            .ToListAsync(cancellationToken);
    }
}
