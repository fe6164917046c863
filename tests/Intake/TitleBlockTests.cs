using System.Text;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using SharedServicesPipeline.Pipeline;
using SharedServicesPipeline.Pipeline.Reading;
using SharedServicesPipeline.Pipeline.Reporting;
using SharedServicesPipeline.Pipeline.Submissions;
using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.Intake;

/// <summary>
/// Lines above the header that describe the return ("Authority: …", "Council: …", "Completed by: …", "Date: …",
/// "Return for 2017/18"): the submission's description, shown in the report and kept on dim_submission, never a reason
/// to hold or reject a row, and never a way for contact details into the mart.
/// </summary>
public sealed class TitleBlockTests
{
    private static byte[] Return(string authorityLine) => new ReturnWorkbook().Sheet("Return",
        [authorityLine],
        ["Completed by: Jo Bloggs, jo.bloggs@example.gov.uk, 01622 694000"],
        ["Date: 14/05/2018"],
        ["Return for 2017/18"],
        [],
        ["Arrangement", "Partners", "Service area"],
        ["Joint waste", "Kent County Council; Maidstone Borough Council", "Waste"],
        ["Shared legal", "Essex County Council; Slough Borough Council", "Legal"]).Build();

    private static SubmissionReadResult Read(byte[] bytes) =>
        new SubmissionReader(new IntakeOptions(), HeaderSynonyms.BuiltIn).Read(new MemoryStream(bytes), "return.xlsx");

    [Fact]
    public void The_reader_takes_the_authority_as_written_and_the_period_from_the_title_block_and_leaves_the_contact_out()
    {
        var result = Read(Return("Authority: Kent district councils, collated by the county"));

        Assert.Equal(("Kent district councils, collated by the county", "2017/18"), (result.Description?.Authority, result.Description?.Period));
        Assert.Equal(("Return", 1), (result.Description!.Sheet, result.Description.AuthorityRow));
        Assert.DoesNotContain("Jo Bloggs", result.Description.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Return for 2017/18", "2017/18")]
    [InlineData("Shared services return 2011-12", "2011/12")]
    [InlineData("Period: 2015/2016", "2015/16")]
    [InlineData("Financial year 2019-20", "2019/20")]
    public void A_title_line_naming_a_financial_year_is_the_returns_period(string line, string period)
    {
        var bytes = new ReturnWorkbook().Sheet("Return",
            [line],
            ["Arrangement", "Partners", "Service area"],
            ["Joint waste", "Kent County Council; Maidstone Borough Council", "Waste"]).Build();

        Assert.Equal(period, Read(bytes).Description?.Period);
    }

    [Fact]
    public async Task A_title_block_naming_a_group_of_councils_holds_no_row_and_is_recorded_as_written_without_a_code()
    {
        await using var mart = await TestMart.CreateAsync(IntakeRegister.Use);

        var outcome = await mart.IngestAsync(new MemoryStream(Return("Authority: Kent district councils, collated by the county")), "return.xlsx");

        Assert.Equal((2, 2, 0, 0), (outcome.RowsRead, outcome.RowsAccepted, outcome.RowsHeld, outcome.RowsRejected));
        Assert.Equal(new ReturnDescription("Kent district councils, collated by the county", null, "2017/18"), outcome.Return);
        Assert.DoesNotContain(outcome.Problems, p => p.Code is "partners.submitter-added" or "partner.unknown");
        var said = Assert.Single(outcome.Problems, p => p.Code == "return.authority-not-added");
        Assert.Equal((ProblemSeverity.Warning, 1), (said.Severity, said.Row));
        var partners = await mart.QueryAsync(db => db.ArrangementView.OrderBy(a => a.Title).Select(a => a.Partners).ToListAsync());
        Assert.Equal(["Kent County Council; Maidstone Borough Council", "Essex County Council; Slough Borough Council"], partners);
    }

    [Fact]
    public async Task A_title_block_naming_one_council_records_its_code_and_adds_it_where_a_row_omits_it_with_a_warning_not_a_hold()
    {
        await using var mart = await TestMart.CreateAsync(IntakeRegister.Use);

        var outcome = await mart.IngestAsync(new MemoryStream(Return("Council: Kent County Council")), "return.xlsx");

        Assert.Equal((2, 2, 0), (outcome.RowsRead, outcome.RowsAccepted, outcome.RowsHeld));
        Assert.Equal(new ReturnDescription("Kent County Council", "E10000016", "2017/18"), outcome.Return);
        Assert.Single(outcome.Problems, p => p.Code == "partners.submitter-added" && p.Severity == ProblemSeverity.Warning);
        Assert.Equal("Essex County Council; Kent County Council; Slough Borough Council",
            await mart.QueryAsync(db => db.ArrangementView.Where(a => a.Title == "Shared legal").Select(a => a.Partners).SingleAsync()));
    }

    [Fact]
    public async Task The_description_is_kept_on_dim_submission_and_contact_details_are_not()
    {
        await using var mart = await TestMart.CreateAsync(IntakeRegister.Use);

        await mart.IngestAsync(new MemoryStream(Return("Council: Kent County Council")), "return.xlsx");

        var submission = await mart.QueryAsync(db => db.Submissions.SingleAsync(s => s.SubmissionKey > 0));
        Assert.Equal(("Kent County Council", "E10000016", "2017/18"), (submission.ReturnAuthority, submission.ReturnAuthorityCode, submission.ReturnPeriod));
        var everyText = string.Join("|", submission.GetType().GetProperties().Select(p => p.GetValue(submission)?.ToString()));
        Assert.DoesNotContain("jo.bloggs", everyText, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("694000", everyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_report_and_outcome_json_show_the_description_but_not_the_contact()
    {
        await using var mart = await TestMart.CreateAsync(IntakeRegister.Use);

        var outcome = await mart.IngestAsync(new MemoryStream(Return("Council: Kent County Council")), "return.xlsx");

        var json = await File.ReadAllTextAsync(Path.Combine(mart.ReportsPath, outcome.SubmissionId, OutcomeReport.FileName), Encoding.UTF8);
        Assert.Contains("\"authority\": \"Kent County Council\"", json, StringComparison.Ordinal);
        Assert.Contains("\"authority_code\": \"E10000016\"", json, StringComparison.Ordinal);
        Assert.Contains("\"period\": \"2017/18\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("jo.bloggs", json, StringComparison.OrdinalIgnoreCase);
        using var report = new XLWorkbook(Path.Combine(mart.ReportsPath, outcome.SubmissionId, ReportWorkbook.FileName));
        var summary = report.Worksheet("Summary").CellsUsed().Select(c => c.GetString()).ToList();
        Assert.Contains("Kent County Council (E10000016)", summary);
        Assert.Contains("2017/18", summary);
        Assert.DoesNotContain(summary, s => s.Contains("jo.bloggs", StringComparison.OrdinalIgnoreCase));
    }
}
