using System.Text.Json;
using ClosedXML.Excel;
using SharedServicesPipeline.HostileFiles;
using SharedServicesPipeline.Pipeline.Reporting;
using SharedServicesPipeline.Pipeline.Submissions;
using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.Reporting;

/// <summary>
/// Intake:MaxListedProblems: a submission's reports list its problems up to the cap and count the rest per reason code,
/// exactly, telling the submitter how many more rows to fix the same way (what a file of 200,000 bad rows holds).
/// </summary>
public sealed class ListedProblemsCapTests
{
    private const int Cap = 10;
    private const int Rows = 40;

    [Fact]
    public async Task Problems_past_the_cap_are_counted_exactly_per_code_and_not_listed()
    {
        await using var mart = await TestMart.CreateAsync(settings: new Dictionary<string, string?> { ["Intake:MaxListedProblems"] = Cap.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        using var folder = new TempFolder("ssp-cap-");
        var file = folder.File("bad-rows.csv");
        await File.WriteAllTextAsync(file, HostileRowCases.BadRowsCsv(Rows));

        var outcome = await mart.IngestAsync(file);

        // 20 rows not loaded (an unreadable date and negative savings each), 20 loaded with an unknown service area.
        Assert.Equal((Rows, Rows / 2, Rows / 2), (outcome.RowsRead, outcome.RowsRejected, outcome.RowsAccepted));
        // Listed up to the cap, and the rest of the row the cap fell in (rows of two problems: one more at most).
        var listed = outcome.Problems.Count;
        Assert.InRange(listed, Cap, Cap + 1);
        var reasons = outcome.Reasons.ToDictionary(r => r.Code);
        Assert.Equal(Rows / 2, reasons["date.invalid"].Occurrences);
        Assert.Equal(Rows / 2, reasons["date.invalid"].Rows);
        Assert.Equal(Rows / 2, reasons["savings.negative"].Occurrences);
        Assert.Equal(Rows / 2, reasons["service-area.unrecognised"].Occurrences);
        Assert.Equal(Rows * 3 / 2, outcome.ProblemCount);
        Assert.Equal(outcome.ProblemCount - listed, outcome.ProblemsNotListed.Sum(u => u.Occurrences));
        Assert.Equal(outcome.ProblemCount - listed, outcome.Reasons.Sum(r => r.NotListed));

        var reports = Path.Combine(mart.ReportsPath, outcome.SubmissionId);
        using (var json = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(reports, OutcomeReport.FileName))))
        {
            Assert.Equal(listed, json.RootElement.GetProperty("problems").GetArrayLength());
            var notListed = json.RootElement.GetProperty("problems_not_listed").EnumerateArray().ToDictionary(u => u.GetProperty("code").GetString()!, u => u.GetProperty("occurrences").GetInt32());
            Assert.Equal(reasons["service-area.unrecognised"].NotListed, notListed["service-area.unrecognised"]);
            Assert.Equal(outcome.ProblemCount, json.RootElement.GetProperty("problem_count").GetInt32());
        }

        var page = await File.ReadAllTextAsync(Path.Combine(reports, ReportPage.FileName));
        Assert.Contains($"This file has {outcome.ProblemCount} problems. {listed} are listed", page, StringComparison.Ordinal);
        var unknownArea = reasons["service-area.unrecognised"];
        Assert.Contains($"in {unknownArea.NotListed} more rows with the same problem, counted but not listed: fix them the same way", page, StringComparison.Ordinal);

        using var workbook = new XLWorkbook(Path.Combine(reports, ReportWorkbook.FileName));
        var summary = string.Join("\n", workbook.Worksheet("Summary").CellsUsed().Select(c => c.GetString()));
        Assert.Contains($"The file has {outcome.ProblemCount} problems. {listed} are listed", summary, StringComparison.Ordinal);
        Assert.Contains($"{unknownArea.NotListed} more in {unknownArea.NotListed} more rows with the same problem are counted, not listed: fix them the same way", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rows_problems_are_listed_together_or_counted_together()
    {
        var tally = new ProblemTally(3);
        SubmissionProblem Problem(string code, int row) => new(ProblemSeverity.RowError, code, "m", "Sheet1", row);

        tally.AddRange([Problem("a", 2), Problem("b", 2), Problem("a", 3), Problem("b", 3), Problem("a", 4), Problem("b", 4), Problem("a", 5)]);

        // The cap falls inside row 3: its second problem is still listed; rows 4 and 5 are counted.
        Assert.Equal([(2, "a"), (2, "b"), (3, "a"), (3, "b")], tally.Listed.Select(p => (p.Row!.Value, p.Code)));
        Assert.Equal([new UnlistedProblems("a", ProblemSeverity.RowError, 2, 2), new UnlistedProblems("b", ProblemSeverity.RowError, 1, 1)], tally.Unlisted);
        var summary = ReasonCatalogue.BuiltIn.Summarise(tally.Listed, tally.Unlisted).ToDictionary(r => r.Reason.Code);
        Assert.Equal((4, 4, 2), (summary["a"].Occurrences, summary["a"].Rows, summary["a"].NotListed));
        Assert.Equal((3, 3, 1), (summary["b"].Occurrences, summary["b"].Rows, summary["b"].NotListed));
    }

    [Fact]
    public void A_reason_first_met_past_the_cap_still_has_its_first_row_listed_whole()
    {
        var tally = new ProblemTally(2);
        SubmissionProblem Problem(string code, int? row) => new(ProblemSeverity.RowError, code, "m", row is null ? null : "Sheet1", row);

        tally.AddRange([Problem("a", 2), Problem("a", 3), Problem("a", 4), Problem("a", 5), Problem("a", 6), Problem("c", 6), Problem("c", 7), Problem("a", 8)]);
        tally.Add(Problem("file.late", null));
        tally.Add(Problem("file.late", null));

        // Rows 2 and 3 fill the list; row 6 is the first with reason c, so all of it is listed; the rest is counted.
        Assert.Equal([(2, "a"), (3, "a"), (6, "a"), (6, "c"), (null, "file.late")], tally.Listed.Select(p => (p.Row, p.Code)));
        Assert.Equal(
            [new UnlistedProblems("a", ProblemSeverity.RowError, 3, 3), new UnlistedProblems("c", ProblemSeverity.RowError, 1, 1), new UnlistedProblems("file.late", ProblemSeverity.RowError, 1, 0)],
            tally.Unlisted);
        var summary = ReasonCatalogue.BuiltIn.Summarise(tally.Listed, tally.Unlisted).ToDictionary(r => r.Reason.Code);
        Assert.Equal((2, 2, 1), (summary["c"].Occurrences, summary["c"].Rows, summary["c"].NotListed));
        Assert.Equal((6, 6, 3), (summary["a"].Occurrences, summary["a"].Rows, summary["a"].NotListed));
    }
}
