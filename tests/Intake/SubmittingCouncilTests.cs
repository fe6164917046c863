using Microsoft.EntityFrameworkCore;
using SharedServicesPipeline.Pipeline;
using SharedServicesPipeline.Pipeline.Reading;
using SharedServicesPipeline.Pipeline.Submissions;
using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.Intake;

/// <summary>
/// A return that names the council sending it once (a "Your council" column, or "Council: …" above the header) and
/// lists only the other bodies as partners: the submitting council is a partner of each arrangement, and the report says so.
/// </summary>
public sealed class SubmittingCouncilTests
{
    private static SubmissionReadResult Read(byte[] bytes) =>
        new SubmissionReader(new IntakeOptions(), HeaderSynonyms.BuiltIn).Read(new MemoryStream(bytes), "return.xlsx");

    [Fact]
    public async Task A_your_council_column_adds_that_council_to_each_rows_partners_and_the_report_says_so()
    {
        await using var mart = await TestMart.CreateAsync(IntakeRegister.Use);
        var bytes = new ReturnWorkbook().Sheet("Return",
            ["Your council", "Arrangement", "Partner(s)", "Service area"],
            ["Essex County Council", "Shared legal", "Slough Borough Council", "Legal"],
            ["Essex County Council", "Joint waste", "Brentwood Borough Council; Essex County Council", "Waste"]).Build();

        var outcome = await mart.IngestAsync(new MemoryStream(bytes), "return.xlsx");

        Assert.Equal((2, 2), (outcome.RowsRead, outcome.RowsAccepted));
        var partners = await mart.QueryAsync(db => db.ArrangementView.OrderBy(a => a.Title).Select(a => a.Partners).ToListAsync());
        Assert.Equal(["Brentwood Borough Council; Essex County Council", "Essex County Council; Slough Borough Council"], partners);
        var said = Assert.Single(outcome.Problems, p => p.Code == "partners.submitter-added");
        Assert.Equal((ProblemSeverity.Warning, "Return", 1, "Your council"), (said.Severity, said.Sheet, said.Row, said.Column));
    }

    [Fact]
    public async Task A_council_named_above_the_header_is_a_partner_of_every_arrangement_under_it()
    {
        await using var mart = await TestMart.CreateAsync(IntakeRegister.Use);
        var bytes = new ReturnWorkbook().Sheet("Return",
            ["Council: Kent County Council"],
            [],
            ["Arrangement", "Partners", "Service area"],
            ["Joint waste", "Maidstone Borough Council", "Waste"]).Build();

        var outcome = await mart.IngestAsync(new MemoryStream(bytes), "return.xlsx");

        Assert.Equal(1, outcome.RowsAccepted);
        Assert.Equal("Kent County Council; Maidstone Borough Council", await mart.QueryAsync(db => db.ArrangementView.Select(a => a.Partners).SingleAsync()));
        var said = Assert.Single(outcome.Problems, p => p.Code == "partners.submitter-added");
        Assert.Equal((1, "Kent County Council"), (said.Row, said.Value));
    }

    [Fact]
    public async Task A_row_that_names_no_other_body_still_has_too_few_partners()
    {
        await using var mart = await TestMart.CreateAsync(IntakeRegister.Use);
        var bytes = new ReturnWorkbook().Sheet("Return",
            ["Your council", "Arrangement", "Partner(s)", "Service area"],
            ["Essex County Council", "Essex leisure review", null, "Leisure"]).Build();

        var outcome = await mart.IngestAsync(new MemoryStream(bytes), "return.xlsx");

        var error = Assert.Single(outcome.Problems, p => p.Severity == ProblemSeverity.RowError);
        Assert.Equal("partners.too-few", error.Code);
        Assert.Contains("your own council included", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_held_row_keeps_its_submitting_council_for_when_it_is_matched_again()
    {
        await using var mart = await TestMart.CreateAsync(IntakeRegister.Use);
        var bytes = new ReturnWorkbook().Sheet("Return",
            ["Your council", "Arrangement", "Partner(s)", "Service area"],
            ["Essex County Council", "Borsetshire legal", "Borsetshire County Council", "Legal"]).Build();

        var outcome = await mart.IngestAsync(new MemoryStream(bytes), "return.xlsx");

        Assert.Equal(1, outcome.RowsHeld);
        Assert.Contains("Essex County Council", await mart.QueryAsync(db => db.HeldRows.Select(h => h.ValuesJson).SingleAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public void A_council_column_on_a_sheet_without_a_partners_column_is_the_partners()
    {
        var bytes = new ReturnWorkbook().Sheet("Return",
            ["Arrangement", "Council", "Service area"],
            ["Shared legal", "Essex County Council; Slough Borough Council", "Legal"]).Build();

        var result = Read(bytes);

        Assert.Equal("Essex County Council; Slough Borough Council", Assert.Single(result.Rows).Text(TemplateColumn.Partners));
        Assert.DoesNotContain(result.Problems, p => p.Code == "partners.submitter-added");
    }

    [Theory]
    [InlineData("Council: [enter your council's name]")]
    [InlineData("Council: please select")]
    [InlineData("Council:")]
    public void A_forms_prompt_above_the_header_is_not_taken_as_the_submitting_council(string prompt)
    {
        var bytes = new ReturnWorkbook().Sheet("Return",
            [prompt],
            ["Arrangement", "Partners", "Service area"],
            ["Shared legal", "Essex County Council; Slough Borough Council", "Legal"]).Build();

        var result = Read(bytes);

        Assert.Null(Assert.Single(result.Rows).Text(TemplateColumn.Submitter));
    }
}
