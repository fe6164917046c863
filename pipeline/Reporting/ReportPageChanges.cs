using System.Globalization;
using System.Text;
using SharedServicesPipeline.Pipeline.Submissions;

namespace SharedServicesPipeline.Pipeline.Reporting;

/// <summary>The report page's "Since your last submission": problems fixed, new and still open; arrangements added, changed, missing now.</summary>
internal static class ReportPageChanges
{
    private const int Listed = SubmissionChanges.Listed;

    public static void Write(StringBuilder page, SubmissionChanges changes)
    {
        page.Append(CultureInfo.InvariantCulture, $"""
            <section id="since" aria-labelledby="since-title">
            <h2 id="since-title">Since your last submission</h2>
            <p>Compared with <strong>{Html.Encode(changes.PreviousFileName)}</strong> (submission <code>{Html.Encode(changes.PreviousSubmissionId)}</code>, received {changes.PreviousReceivedAt.UtcDateTime.ToString("d MMMM yyyy 'at' HH:mm", ReportPage.EnGb)} UTC), your previous return with {Html.Encode(changes.MatchedBy)}.</p>
            <dl class="figures changes">
            {Figure("problems-fixed", "Problems fixed", changes.ProblemsFixed.Count)}
            {Figure("problems-new", "New problems", changes.ProblemsNew.Count)}
            {Figure("problems-open", "Problems still open", changes.ProblemsStillOpen.Count)}
            {Figure("added", "Arrangements added", changes.Added.Count)}
            {Figure("changed", "Arrangements changed", changes.Changed.Count)}
            {Figure("unchanged", "Arrangements unchanged", changes.Unchanged.Count)}
            {Figure("now-loaded", "Loaded now, not last time", changes.NowLoaded.Count)}
            {Figure("no-longer-loaded", "Loaded last time, not now", changes.NoLongerLoaded.Count)}
            {Figure("missing", "Missing now", changes.Missing.Count)}
            </dl>

            """);
        Problems(page, "problems-fixed", "Problems fixed", changes.ProblemsFixed);
        Problems(page, "problems-new", "New problems", changes.ProblemsNew);
        Problems(page, "problems-open", "Problems still open", changes.ProblemsStillOpen);
        Arrangements(page, "added", "Arrangements added", changes.Added, a => "new in this return");
        if (changes.Changed.Count > 0)
        {
            page.Append("<h3>Arrangements changed</h3>\n<ul class=\"changes-list\" data-list=\"changed\">\n");
            foreach (var changed in changes.Changed.First)
            {
                var fields = string.Join("; ", changed.Fields.Select(f => $"{f.Field}: {f.Before ?? "blank"} → {f.After ?? "blank"}"));
                page.Append(CultureInfo.InvariantCulture,
                    $"<li data-key=\"{Html.Encode(changed.Arrangement.Key)}\" data-fields=\"{Html.Encode(string.Join("|", changed.Fields.Select(f => f.Field)))}\"><strong>{Html.Encode(changed.Arrangement.Title)}</strong> (row {changed.Arrangement.Row}): {Html.Encode(fields)}</li>\n");
            }

            More(page, changes.Changed.Count);
            page.Append("</ul>\n");
        }

        Arrangements(page, "now-loaded", "Loaded now, not last time", changes.NowLoaded, a => "its problems are fixed");
        Arrangements(page, "no-longer-loaded", "Loaded last time, not now", changes.NoLongerLoaded,
            a => "it has a problem now (see below); the version loaded last time stays in the data until it is fixed");
        Arrangements(page, "missing", "Missing now", changes.Missing,
            a => "in your previous return but not in this one; it stays in the data as it was. If it has ended, send it with status Ended and an end date rather than leaving it out");
        page.Append("</section>\n");
    }

    private static string Figure(string key, string label, int count) =>
        string.Create(CultureInfo.InvariantCulture, $"<div class=\"figure\" data-figure=\"{key}\"><dt>{label}</dt><dd>{count.ToString("N0", ReportPage.EnGb)}</dd></div>");

    private static void Problems(StringBuilder page, string key, string title, IReadOnlyList<SubmissionProblem> problems)
    {
        if (problems.Count == 0)
        {
            return;
        }

        page.Append(CultureInfo.InvariantCulture, $"<h3>{title}</h3>\n<ul class=\"changes-list\" data-list=\"{key}\">\n");
        foreach (var p in problems.Take(Listed))
        {
            var reason = ReasonCatalogue.BuiltIn.Of(p.Code, p.Severity);
            var where = string.Join(", ", new[] { p.Sheet is null ? null : $"sheet {p.Sheet}", p.Row is null ? null : $"row {p.Row}", p.Column }.Where(s => s is not null));
            page.Append(CultureInfo.InvariantCulture,
                $"<li data-code=\"{p.Code}\" data-row=\"{p.Row}\"><strong>{Html.Encode(reason.Title)}</strong> <code>{p.Code}</code>{(where.Length > 0 ? $" ({Html.Encode(where)})" : "")}{(p.Value is null ? "" : $": {Html.Encode(p.Value)}")}</li>\n");
        }

        More(page, problems.Count);
        page.Append("</ul>\n");
    }

    private static void Arrangements(StringBuilder page, string key, string title, ListedChanges<SubmittedArrangement> arrangements, Func<SubmittedArrangement, string> note)
    {
        if (arrangements.Count == 0)
        {
            return;
        }

        page.Append(CultureInfo.InvariantCulture, $"<h3>{title}</h3>\n<ul class=\"changes-list\" data-list=\"{key}\">\n");
        foreach (var a in arrangements.First)
        {
            page.Append(CultureInfo.InvariantCulture,
                $"<li data-key=\"{Html.Encode(a.Key)}\"><strong>{Html.Encode(a.Title.Length > 0 ? a.Title : "(no title)")}</strong> (sheet {Html.Encode(a.Sheet)}, row {a.Row}): {Html.Encode(note(a))}</li>\n");
        }

        More(page, arrangements.Count);
        page.Append("</ul>\n");
    }

    private static void More(StringBuilder page, int count)
    {
        if (count > Listed)
        {
            page.Append(CultureInfo.InvariantCulture, $"<li>… and {count - Listed:N0} more.</li>\n");
        }
    }
}
