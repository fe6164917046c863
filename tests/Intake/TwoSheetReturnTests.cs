using Microsoft.EntityFrameworkCore;
using SharedServicesPipeline.Pipeline;
using SharedServicesPipeline.Pipeline.Reading;
using SharedServicesPipeline.Pipeline.Submissions;
using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.Intake;

/// <summary>
/// A relational return: one sheet with a row per arrangement, another with a row per partner (Reference, Partner,
/// optionally Lead and Tier), joined by reference. Recognised from the headers, whatever the sheets are called.
/// </summary>
public sealed class TwoSheetReturnTests
{
    private static readonly object?[][] Arrangements =
    [
        ["Reference", "Arrangement", "Service area", "Start date", "Annual savings (£)"],
        ["A1", "Shared legal", "Legal", new DateTime(2012, 4, 1), 40_000],
        ["A2", "Joint waste", "Waste", new DateTime(2013, 4, 1), 10_000],
    ];

    private static readonly object?[][] Partners =
    [
        ["Reference", "Partner", "Lead", "Tier"],
        ["A1", "Essex County Council", "Yes", "County"],
        ["A1", "Slough Borough Council", null, "Unitary"],
        ["A2", "Kent County Council", null, "County"],
        ["A2", "Maidstone Borough Council", "Yes", "District"],
    ];

    private static SubmissionReadResult Read(byte[] bytes, IntakeOptions? options = null) =>
        new SubmissionReader(options ?? new IntakeOptions(), HeaderSynonyms.BuiltIn).Read(new MemoryStream(bytes), "return.xlsx");

    [Fact]
    public async Task Partners_on_their_own_sheet_are_joined_to_their_arrangements_by_reference_with_the_lead()
    {
        await using var mart = await TestMart.CreateAsync(IntakeRegister.Use);
        var bytes = new ReturnWorkbook().Sheet("Arrangements", Arrangements).Sheet("Partners", Partners).Build();

        var outcome = await mart.IngestAsync(new MemoryStream(bytes), "return.xlsx");

        Assert.Equal((2, 2), (outcome.RowsRead, outcome.RowsAccepted));
        Assert.DoesNotContain(outcome.Problems, p => p.Severity != ProblemSeverity.Warning);
        var loaded = await mart.QueryAsync(db => db.ArrangementView.OrderBy(a => a.Reference).Select(a => new { a.Partners, a.LeadAuthority }).ToListAsync());
        Assert.Equal(("Essex County Council; Slough Borough Council", "Essex County Council"), (loaded[0].Partners, loaded[0].LeadAuthority));
        Assert.Equal(("Kent County Council; Maidstone Borough Council", "Maidstone Borough Council"), (loaded[1].Partners, loaded[1].LeadAuthority));
    }

    [Fact]
    public void The_sheets_are_recognised_from_their_headers_in_either_order_whatever_they_are_called()
    {
        var bytes = new ReturnWorkbook().Sheet("Sheet1", Partners).Sheet("Sheet2", Arrangements).Build();

        var result = Read(bytes);

        Assert.Equal(["Essex County Council\nSlough Borough Council", "Kent County Council\nMaidstone Borough Council"], result.Rows.Select(r => r.Text(TemplateColumn.Partners)));
        Assert.Equal(["Essex County Council", "Maidstone Borough Council"], result.Rows.Select(r => r.Text(TemplateColumn.LeadAuthority)));
        Assert.Equal(["Sheet2"], result.Sheets.Select(s => s.Sheet));
        Assert.DoesNotContain(result.Problems, p => p.Severity != ProblemSeverity.Warning);
    }

    [Fact]
    public async Task A_partner_row_whose_reference_matches_no_arrangement_is_a_row_error_on_the_partners_sheet()
    {
        await using var mart = await TestMart.CreateAsync(IntakeRegister.Use);
        var bytes = new ReturnWorkbook().Sheet("Arrangements", Arrangements)
            .Sheet("Partners", [.. Partners, ["A9", "Brentwood Borough Council", null, null]]).Build();

        var outcome = await mart.IngestAsync(new MemoryStream(bytes), "return.xlsx");

        Assert.Equal(2, outcome.RowsAccepted);
        var error = Assert.Single(outcome.Problems, p => p.Severity == ProblemSeverity.RowError);
        Assert.Equal(("partners.reference-unmatched", "Partners", 6, "Reference", "A9"), (error.Code, error.Sheet, error.Row, error.Column, error.Value));
    }

    [Fact]
    public async Task An_arrangement_with_no_partner_rows_is_judged_as_today_and_the_others_load()
    {
        await using var mart = await TestMart.CreateAsync(IntakeRegister.Use);
        var bytes = new ReturnWorkbook().Sheet("Arrangements", [.. Arrangements, ["A3", "Shared CCTV", "CCTV", null, null]]).Sheet("Partners", Partners).Build();

        var outcome = await mart.IngestAsync(new MemoryStream(bytes), "return.xlsx");

        Assert.Equal((3, 2, 1), (outcome.RowsRead, outcome.RowsAccepted, outcome.RowsRejected));
        var error = Assert.Single(outcome.Problems, p => p.Severity == ProblemSeverity.RowError);
        Assert.Equal(("Arrangements", 4), (error.Sheet, error.Row));
        Assert.StartsWith("partners.", error.Code, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_problem_with_a_partner_points_at_its_row_on_the_partners_sheet()
    {
        await using var mart = await TestMart.CreateAsync(IntakeRegister.Use);
        var bytes = new ReturnWorkbook().Sheet("Arrangements", Arrangements)
            .Sheet("Partners", [.. Partners, ["A2", "Borsetshire District Council", null, null]]).Build();

        var outcome = await mart.IngestAsync(new MemoryStream(bytes), "return.xlsx");

        Assert.Equal(1, outcome.RowsHeld);
        var unknown = Assert.Single(outcome.Problems, p => p.Code == "partner.unknown");
        Assert.Equal(("Partners", 6, "Partner"), (unknown.Sheet, unknown.Row, unknown.Column));
    }

    [Fact]
    public void A_partners_sheet_with_no_arrangements_sheet_to_join_refuses_the_file_with_no_row_errors()
    {
        var bytes = new ReturnWorkbook().Sheet("Partners", Partners).Sheet("Summary", ["Shared services return"], ["See the other sheet"]).Build();

        var result = Read(bytes);

        var error = Assert.Single(result.Problems, p => p.Severity != ProblemSeverity.Warning);
        Assert.Equal(ProblemSeverity.FileError, error.Severity);
        Assert.Empty(result.Rows);
    }

    [Fact]
    public void A_partners_sheet_longer_than_MaxRows_refuses_the_file_rather_than_holding_it()
    {
        var many = Enumerable.Range(0, 6).Select(i => new object?[] { "A1", $"Partner {i}", null, null });
        var bytes = new ReturnWorkbook().Sheet("Arrangements", Arrangements).Sheet("Partners", [Partners[0], .. many]).Build();

        var result = Read(bytes, new IntakeOptions { MaxRows = 5 });

        var error = Assert.Single(result.Problems, p => p.Severity == ProblemSeverity.FileError);
        Assert.Equal(("file.too-many-rows", "Partners"), (error.Code, error.Sheet));
    }
}
