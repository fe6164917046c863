using Microsoft.EntityFrameworkCore;
using SharedServicesPipeline.DataMart;

namespace SharedServicesPipeline.Tests.Support;

/// <summary>
/// What a mart holds, as lines free of surrogate keys and load times (submissions by their bytes' hash, authorities by
/// code), so two marts fed the same files can be compared line for line.
/// </summary>
internal static class MartSnapshot
{
    public static async Task<List<string>> TakeAsync(MartDbContext db)
    {
        var submissions = await db.Submissions.AsNoTracking().Where(s => s.SubmissionKey > 0).ToDictionaryAsync(s => s.SubmissionKey, s => s.Sha256[..12]);
        string Sub(int key) => submissions.TryGetValue(key, out var sha) ? sha : $"unknown-{key}";
        var authorities = await db.Authorities.AsNoTracking().ToDictionaryAsync(a => a.AuthorityKey, a => a.AuthorityCode);
        var arrangements = await db.Arrangements.AsNoTracking().ToListAsync();
        var identity = arrangements.ToDictionary(a => a.ArrangementKey, a => a.IdentityKey);
        var lines = new List<string>();
        lines.AddRange(submissions.Values.Select(s => $"submission {s}"));
        lines.AddRange(arrangements.Select(a =>
            $"arrangement {a.IdentityKey} v{a.Version} {a.ContentHash} {a.Title} {a.Status} {a.AnnualSavingsGbp} partners={a.PartnerCount} first={Sub(a.FirstSubmissionKey)} last={Sub(a.SubmissionKey)}"));
        lines.AddRange((await db.ArrangementPartners.AsNoTracking().ToListAsync()).Select(p => $"partner {identity[p.ArrangementKey]} {authorities[p.AuthorityKey]} lead={p.IsLead}"));
        lines.AddRange((await db.ArrangementHistory.AsNoTracking().ToListAsync()).Select(h => $"history {identity[h.ArrangementKey]} v{h.Version} {h.ContentHash} by={Sub(h.SubmissionKey)}"));
        lines.AddRange((await db.HeldRows.AsNoTracking().ToListAsync()).Select(h => $"held {Sub(h.SubmissionKey)} row {h.RowNumber} {h.State}"));
        lines.AddRange((await db.Authorities.AsNoTracking().Where(a => a.AuthorityKey > 0).ToListAsync()).Select(a => $"authority {a.AuthorityCode} {a.Name} current={a.IsCurrent}"));
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }
}
