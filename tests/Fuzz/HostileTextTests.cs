using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using SharedServicesPipeline.Pipeline.Reporting;
using SharedServicesPipeline.Pipeline.Submissions;
using SharedServicesPipeline.Pipeline.Validation;
using SharedServicesPipeline.Tests.Intake;
using SharedServicesPipeline.Tests.Support;
using SharedServicesPipeline.Pipeline.Reference;

namespace SharedServicesPipeline.Tests.Fuzz;

/// <summary>Text the fuzz found breaking the ingest: half a surrogate pair, written as an escape or made by a cut.</summary>
public sealed class HostileTextTests
{
    [Fact]
    public async Task A_cell_escaping_half_a_surrogate_pair_loads_with_a_replacement_character_instead_of_faulting_the_ingest()
    {
        var package = XlsxPackage.Template();
        package[XlsxPackage.Sheet] = package[XlsxPackage.Sheet].Replace(
            "<c r=\"B2\" t=\"s\"><v>5</v></c>", "<c r=\"B2\" t=\"inlineStr\"><is><t>Shared _xD800_ legal</t></is></c>", StringComparison.Ordinal);
        await using var mart = await TestMart.CreateAsync(IntakeRegister.Use);

        var outcome = await mart.IngestAsync(new MemoryStream(package.Build()), "surrogate.xlsx");

        Assert.Equal((SubmissionDisposition.Processed, 2), (outcome.Disposition, outcome.RowsAccepted));
        Assert.Contains("Shared \uFFFD legal", await mart.QueryAsync(db => db.Arrangements.Select(a => a.Title).ToListAsync()));
    }

    [Fact]
    public void A_description_cut_at_its_limit_keeps_whole_characters()
    {
        var layout = TestRows.Layout("Arrangement", "Partners", "Service area", "Description");
        var row = TestRows.Row(layout, 2, "Shared legal", "Essex County Council; Slough Borough Council", "Legal", new string('d', 3_999) + "\U0001F600 and more");

        var verdict = new ArrangementValidator(IntakeRegister.Matcher, ServiceAreaTaxonomy.BuiltIn).Validate(row);

        Assert.Contains(verdict.Problems, p => p.Code == "description.truncated");
        Assert.Equal(new string('d', 3_999), verdict.Record!.Description);
    }

    [Fact]
    public async Task A_report_cell_cut_to_Excels_limit_keeps_whole_characters()
    {
        // One more UTF-16 unit than Excel allows: the cut falls between the emoji's two halves.
        var package = XlsxPackage.Template();
        package[XlsxPackage.Sheet] = package[XlsxPackage.Sheet].Replace(
            "<c r=\"B2\" t=\"s\"><v>5</v></c>", $"<c r=\"B2\" t=\"inlineStr\"><is><t>{new string('t', 32_766)}\U0001F600</t></is></c>", StringComparison.Ordinal);
        await using var mart = await TestMart.CreateAsync(IntakeRegister.Use);

        var outcome = await mart.IngestAsync(new MemoryStream(package.Build()), "long.xlsx");

        using var report = new XLWorkbook(Path.Combine(mart.ReportsPath, outcome.SubmissionId, ReportWorkbook.FileName));
        Assert.Contains(report.Worksheet("Arrangements").CellsUsed(), c => c.GetString() == new string('t', 32_766));
    }
}
