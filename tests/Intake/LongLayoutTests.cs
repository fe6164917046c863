using Microsoft.EntityFrameworkCore;
using SharedServicesPipeline.Pipeline;
using SharedServicesPipeline.Pipeline.Reading;
using SharedServicesPipeline.Pipeline.Submissions;
using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.Intake;

/// <summary>
/// The "long" layout: an arrangement's reference, title, service area, dates, savings and first partner on its first
/// row, then one more partner on each following row with the rest left blank, a <c>Lead?</c> column marked Y on the
/// lead's row, and a blank row between blocks.
/// </summary>
public sealed class LongLayoutTests
{
    private static readonly object?[] Header = ["Ref", "Arrangement", "Service area", "Start date", "Annual savings (£)", "Partner", "Lead?"];

    private static SubmissionReadResult Read(byte[] bytes) =>
        new SubmissionReader(new IntakeOptions(), HeaderSynonyms.BuiltIn).Read(new MemoryStream(bytes), "return.xlsx");

    private static byte[] ThreeBlocks() => new ReturnWorkbook().Sheet("Return",
        Header,
        ["R1", "Shared legal", "Legal", new DateTime(2012, 4, 1), 40_000, "Essex County Council", "Y"],
        [null, null, null, null, null, "Slough Borough Council", null],
        [null, null, null, null, null, "Brentwood Borough Council", null],
        [],
        ["R2", "Joint waste", "Waste", new DateTime(2013, 4, 1), 10_000, "Kent County Council", null],
        [null, null, null, null, null, "Maidstone Borough Council", "Y"],
        [],
        ["R3", "Essex leisure review", "Leisure", null, null, "Essex County Council", "Y"]).Build();

    [Fact]
    public async Task Blocks_separated_by_blank_rows_load_as_one_arrangement_each_and_a_one_partner_block_is_rejected_as_usual()
    {
        await using var mart = await TestMart.CreateAsync(IntakeRegister.Use);

        var outcome = await mart.IngestAsync(new MemoryStream(ThreeBlocks()), "return.xlsx");

        Assert.Equal((3, 2, 1, 0), (outcome.RowsRead, outcome.RowsAccepted, outcome.RowsRejected, outcome.RowsHeld));
        var tooFew = Assert.Single(outcome.Problems, p => p.Severity == ProblemSeverity.RowError);
        Assert.Equal(("partners.too-few", 9), (tooFew.Code, tooFew.Row));
        var loaded = await mart.QueryAsync(db => db.ArrangementView.OrderBy(a => a.Reference).Select(a => new { a.Reference, a.Partners, a.LeadAuthority, a.AnnualSavingsGbp }).ToListAsync());
        Assert.Equal("Brentwood Borough Council; Essex County Council; Slough Borough Council", loaded[0].Partners);
        Assert.Equal(("Essex County Council", 40_000m), (loaded[0].LeadAuthority, loaded[0].AnnualSavingsGbp));
        Assert.Equal("Kent County Council; Maidstone Borough Council", loaded[1].Partners);
        Assert.Equal("Maidstone Borough Council", loaded[1].LeadAuthority);
        Assert.DoesNotContain(outcome.Problems, p => p.Code == "lead.not-a-partner");
    }

    [Fact]
    public void A_block_is_read_from_its_first_row_and_spans_its_partner_rows()
    {
        var result = Read(ThreeBlocks());

        Assert.Equal([(2, 4), (6, 7), (9, 9)], result.Rows.Select(r => (r.RowNumber, r.LastRowNumber)));
        Assert.Equal(["Essex County Council", "Maidstone Borough Council", "Essex County Council"], result.Rows.Select(r => r.Text(TemplateColumn.LeadAuthority)));
    }

    [Fact]
    public void A_lead_flag_of_N_or_No_names_no_lead()
    {
        var bytes = new ReturnWorkbook().Sheet("Return",
            Header,
            ["R1", "Shared legal", "Legal", null, null, "Essex County Council", "N"],
            [null, null, null, null, null, "Slough Borough Council", "No"]).Build();

        var row = Assert.Single(Read(bytes).Rows);

        Assert.Null(row[TemplateColumn.LeadAuthority]);
    }

    [Fact]
    public async Task Values_on_a_continuation_row_other_than_partner_lead_and_tier_are_a_warning_on_that_row_not_dropped_silently()
    {
        await using var mart = await TestMart.CreateAsync(IntakeRegister.Use);
        var bytes = new ReturnWorkbook().Sheet("Return",
            Header,
            ["R1", "Shared legal", "Legal", new DateTime(2012, 4, 1), 40_000, "Essex County Council", "Y"],
            [null, null, null, null, 15_000, "Slough Borough Council", null]).Build();

        var outcome = await mart.IngestAsync(new MemoryStream(bytes), "return.xlsx");

        Assert.Equal((1, 1), (outcome.RowsRead, outcome.RowsAccepted));
        var ignored = Assert.Single(outcome.Problems, p => p.Code == "row.continuation-value-ignored");
        Assert.Equal((ProblemSeverity.Warning, 3, "Annual savings (£)", "15000"), (ignored.Severity, ignored.Row, ignored.Column, ignored.Value));
        Assert.Contains("row 2", ignored.Message, StringComparison.Ordinal);
        Assert.Equal(40_000m, await mart.QueryAsync(db => db.ArrangementView.Select(a => a.AnnualSavingsGbp).SingleAsync()));
    }

    [Fact]
    public async Task A_continuation_row_with_no_arrangement_above_it_is_a_row_error_and_the_rest_load()
    {
        await using var mart = await TestMart.CreateAsync(IntakeRegister.Use);
        var bytes = new ReturnWorkbook().Sheet("Return",
            Header,
            [null, null, null, null, null, "Kent County Council", null],
            ["R1", "Shared legal", "Legal", null, null, "Essex County Council", "Y"],
            [null, null, null, null, null, "Slough Borough Council", null],
            [],
            [null, null, null, null, null, "Brentwood Borough Council", null]).Build();

        var outcome = await mart.IngestAsync(new MemoryStream(bytes), "return.xlsx");

        Assert.Equal((3, 1, 2), (outcome.RowsRead, outcome.RowsAccepted, outcome.RowsRejected));
        var orphans = outcome.Problems.Where(p => p.Severity == ProblemSeverity.RowError).ToList();
        Assert.Equal([("row.no-arrangement-above", 2), ("row.no-arrangement-above", 6)], orphans.Select(p => (p.Code, p.Row!.Value)));
        Assert.All(orphans, p => Assert.Equal("Partner", p.Column));
    }

    [Fact]
    public async Task A_problem_with_a_partner_named_on_a_continuation_row_points_at_that_row()
    {
        await using var mart = await TestMart.CreateAsync(IntakeRegister.Use);
        var bytes = new ReturnWorkbook().Sheet("Return",
            Header,
            ["R1", "Shared legal", "Legal", null, null, "Essex County Council", "Y"],
            [null, null, null, null, null, "Slough Borough Council", null],
            [null, null, null, null, null, "Borsetshire District Council", null]).Build();

        var outcome = await mart.IngestAsync(new MemoryStream(bytes), "return.xlsx");

        Assert.Equal(1, outcome.RowsHeld);
        var unknown = Assert.Single(outcome.Problems, p => p.Code == "partner.unknown");
        Assert.Equal((4, "Partner", "Borsetshire District Council"), (unknown.Row, unknown.Column, unknown.Value));
    }

    [Fact]
    public void A_tier_column_beside_the_partner_is_allowed_on_continuation_rows_and_not_reported_as_unknown()
    {
        var bytes = CsvBuilder.Build(CsvBuilder.Encoding.Utf8,
            ["Reference", "Arrangement", "Service area", "Partner", "Tier", "Lead?"],
            ["R1", "Shared legal", "Legal", "Essex County Council", "County", "Yes"],
            [null, null, null, "Slough Borough Council", "Unitary", null]);

        var result = new SubmissionReader(new IntakeOptions(), HeaderSynonyms.BuiltIn).Read(new MemoryStream(bytes), "return.csv");

        var row = Assert.Single(result.Rows);
        Assert.Equal("Essex County Council\nSlough Borough Council", row.Text(TemplateColumn.Partners));
        Assert.DoesNotContain(result.Problems, p => p.Code is "column.unknown" or "row.continuation-value-ignored");
    }
}
