using Microsoft.EntityFrameworkCore;
using SharedServicesPipeline.Pipeline.Submissions;
using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.Intake;

/// <summary>What was read from an unclear value is said on the row, in the column, with what to do; the row still loads.</summary>
public sealed class ValueWarningTests
{
    private const string Good = "Essex County Council; Slough Borough Council";

    [Fact]
    public async Task Unclear_values_load_with_a_warning_on_their_row_and_column_saying_what_was_read()
    {
        await using var mart = await TestMart.CreateAsync(IntakeRegister.Use);
        var bytes = new ReturnWorkbook().Sheet("Return",
            ["Arrangement", "Partners", "Service area", "Start date", "Status", "Annual savings (£)"],
            ["Shared legal", Good, "Legal", "Q2 2012", "Live", "£100k-£150k"],
            ["Shared back office", Good, "ICT, HR and Finance", "01/04/2012", "Completed", "£1.5m over 3 years"],
            ["Shared audit", Good, "Internal audit", "01/04/2012", "Live", "See description"]).Build();

        var outcome = await mart.IngestAsync(new MemoryStream(bytes), "return.xlsx");

        Assert.Equal((3, 3), (outcome.RowsRead, outcome.RowsAccepted));
        var warnings = outcome.Problems.Where(p => p.Severity == ProblemSeverity.Warning).Select(p => (p.Row, p.Code, p.Column)).ToList();
        Assert.Contains((2, "date.approximate", "Start date"), warnings);
        Assert.Contains((2, "savings.range", "Annual savings (£)"), warnings);
        Assert.Contains((3, "service-area.several", "Service area"), warnings);
        Assert.Contains((3, "status.ambiguous", "Status"), warnings);
        Assert.Contains((3, "savings.averaged", "Annual savings (£)"), warnings);
        Assert.Contains((4, "savings.not-a-figure", "Annual savings (£)"), warnings);
        Assert.Contains("calendar quarter 2 of 2012", outcome.Problems.Single(p => p.Code == "date.approximate").Message, StringComparison.Ordinal);
        var loaded = await mart.QueryAsync(db => db.ArrangementView.OrderBy(a => a.Title).Select(a => new { a.Title, a.ServiceArea, a.Status, a.AnnualSavingsGbp }).ToListAsync());
        Assert.Equal(("Shared back office", "Back office", null, 500_000m), (loaded[1].Title, loaded[1].ServiceArea, loaded[1].Status, loaded[1].AnnualSavingsGbp));
        Assert.Equal(100_000m, loaded[2].AnnualSavingsGbp);
        Assert.Null(loaded[0].AnnualSavingsGbp);
    }

    [Fact]
    public async Task A_title_pasted_with_line_breaks_and_non_breaking_spaces_loads_on_one_line()
    {
        await using var mart = await TestMart.CreateAsync(IntakeRegister.Use);
        var bytes = new ReturnWorkbook().Sheet("Return",
            ["Arrangement", "Partners", "Service area"],
            ["Shared\u00A0legal\n(Essex  and Slough)", Good, "Legal"]).Build();

        await mart.IngestAsync(new MemoryStream(bytes), "return.xlsx");

        Assert.Equal("Shared legal (Essex and Slough)", await mart.QueryAsync(db => db.ArrangementView.Select(a => a.Title).SingleAsync()));
    }

    [Fact]
    public async Task Savings_in_a_column_of_thousands_load_as_pounds_the_report_says_so_and_a_held_row_keeps_the_pounds()
    {
        await using var mart = await TestMart.CreateAsync(IntakeRegister.Use);
        var bytes = new ReturnWorkbook().Sheet("Return",
            ["Arrangement", "Partners", "Service area", "Annual savings (£000s)"],
            ["Shared legal", Good, "Legal", 600],
            ["Borsetshire legal", "Essex County Council; Borsetshire County Council", "Legal", 45]).Build();

        var outcome = await mart.IngestAsync(new MemoryStream(bytes), "return.xlsx");

        Assert.Equal(600_000m, await mart.QueryAsync(db => db.ArrangementView.Select(a => a.AnnualSavingsGbp).SingleAsync()));
        var said = Assert.Single(outcome.Problems, p => p.Code == "savings.scaled");
        Assert.Equal(("Annual savings (£000s)", 1), (said.Column, said.Row));
        Assert.Contains("\"AnnualSavings\":\"45000\"", await mart.QueryAsync(db => db.HeldRows.Select(h => h.ValuesJson).SingleAsync()), StringComparison.Ordinal);
    }
}
