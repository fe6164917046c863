using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SharedServicesPipeline.Pipeline.Submissions;

namespace SharedServicesPipeline.Pipeline.Reporting;

/// <summary>
/// <c>report.html</c>: the submitter's feedback at a glance, in one self-contained page. It opens with the verdict and
/// what happens next, then what the file holds, what changed since the council's last return, and the problems grouped
/// by reason code (must fix before advice), each occurrence shown in its row as written. No script, and a
/// Content-Security-Policy that allows only its own inline style: the page makes no request of any kind.
/// </summary>
public static class ReportPage
{
    public const string FileName = "report.html";

    internal static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public static byte[] Write(SubmissionReport report)
    {
        var o = report.Outcome;
        var verdict = ReportVerdict.Of(o);
        var style = ReportPageStyle.Css;
        var policy = $"default-src 'none'; style-src 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(style)))}'; img-src data:; base-uri 'none'; form-action 'none'";
        var page = new StringBuilder(16 * 1024);
        page.Append(CultureInfo.InvariantCulture, $"""
            <!DOCTYPE html>
            <html lang="en-GB">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="{policy}">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="referrer" content="no-referrer">
            <title>{Html.Encode(verdict.Headline)}: {Html.Encode(o.FileName)}</title>
            <style>{style}</style>
            </head>
            <body data-ready="true">
            <a class="skip" href="#problems">Skip to the problems</a>
            <header>
            <p class="eyebrow">Submission report</p>
            <h1>{Html.Encode(o.FileName)}</h1>
            <p class="meta">Submission <code>{Html.Encode(o.SubmissionId)}</code>, received {o.ReceivedAt.UtcDateTime.ToString("d MMMM yyyy 'at' HH:mm", EnGb)} UTC</p>
            </header>
            <main>

            """);
        WriteVerdict(page, verdict);
        if (o.Disposition == SubmissionDisposition.Processed)
        {
            WriteContents(page, o, report.Contents);
        }

        if (report.Changes is { } changes)
        {
            ReportPageChanges.Write(page, changes);
        }

        if (o.Disposition != SubmissionDisposition.Duplicate)
        {
            ReportPageProblems.Write(page, report);
        }

        page.Append(CultureInfo.InvariantCulture, $"""
            </main>
            <footer>
            <p>Beside this page: <a href="{ReportWorkbook.FileName}">{ReportWorkbook.FileName}</a> (your rows as submitted, each problem marked in its cell) and <a href="{OutcomeReport.FileName}">{OutcomeReport.FileName}</a> (every problem, for machines).
            This page makes no network requests.</p>
            </footer>
            </body>
            </html>

            """);
        return Encoding.UTF8.GetBytes(page.ToString());
    }

    private static void WriteVerdict(StringBuilder page, ReportVerdict verdict)
    {
        page.Append(CultureInfo.InvariantCulture, $"""
            <section class="verdict verdict-{verdict.Kind}" aria-labelledby="verdict-title" data-verdict="{verdict.Kind}">
            <h2 id="verdict-title"><span class="verdict-mark" aria-hidden="true">{Mark(verdict.Kind)}</span> {Html.Encode(verdict.Headline)}</h2>
            <p>{Html.Encode(verdict.Detail)}</p>
            <h3>What happens next</h3>
            <ul class="next">

            """);
        foreach (var step in verdict.NextSteps)
        {
            page.Append(CultureInfo.InvariantCulture, $"<li>{Html.Encode(step)}</li>\n");
        }

        page.Append("</ul>\n</section>\n");
    }

    private static string Mark(string kind) => kind switch
    {
        "loaded" or "duplicate" => "✓",
        "partly-loaded" or "held" => "!",
        _ => "✕",
    };

    private static void WriteContents(StringBuilder page, SubmissionOutcome o, SubmissionContents? contents)
    {
        var figures = new List<(string Key, string Label, string Value)>
        {
            ("arrangements", "Arrangements in the file", o.RowsRead.ToString("N0", EnGb)),
            ("loaded", "Loaded", o.RowsAccepted.ToString("N0", EnGb)),
            ("not-loaded", "Not loaded (errors)", o.RowsRejected.ToString("N0", EnGb)),
            ("held", "Held for review", o.RowsHeld.ToString("N0", EnGb)),
        };
        if (contents is not null)
        {
            figures.Add(("councils", "Councils among the partners loaded", contents.Councils.ToString("N0", EnGb)));
            figures.Add(("service-areas", "Service areas", contents.ServiceAreas.Count.ToString("N0", EnGb)));
            figures.Add(("annual-savings", "Annual savings loaded", contents.AnnualSavings.ToString("£#,0", EnGb)));
            figures.Add(("start-dates", "Start dates", contents.EarliestStart is { } first && contents.LatestStart is { } last
                ? first == last ? first.ToString("d MMM yyyy", EnGb) : $"{first.ToString("d MMM yyyy", EnGb)} to {last.ToString("d MMM yyyy", EnGb)}"
                : "none given"));
        }

        page.Append("""
            <section aria-labelledby="contents-title">
            <h2 id="contents-title">What the file contains</h2>
            <dl class="figures">

            """);
        foreach (var (key, label, value) in figures)
        {
            page.Append(CultureInfo.InvariantCulture, $"<div class=\"figure\" data-figure=\"{key}\"><dt>{Html.Encode(label)}</dt><dd>{Html.Encode(value)}</dd></div>\n");
        }

        page.Append("</dl>\n");
        if (contents is { ServiceAreas.Count: > 0 })
        {
            page.Append(CultureInfo.InvariantCulture, $"<p class=\"note\">Service areas loaded: {Html.Encode(string.Join(", ", contents.ServiceAreas.Order(StringComparer.Ordinal)))}.</p>\n");
        }

        page.Append(CultureInfo.InvariantCulture, $"<p class=\"note\">In the data: {o.ArrangementsAdded:N0} arrangement(s) new, {o.ArrangementsUpdated:N0} updated, {o.ArrangementsUnchanged:N0} unchanged.</p>\n</section>\n");
    }
}
