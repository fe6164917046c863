using SharedServicesPipeline.HostileFiles;
using SharedServicesPipeline.Pipeline;
using SharedServicesPipeline.Pipeline.Reading;

namespace SharedServicesPipeline.Tests.Security;

/// <summary>
/// The time bound is arithmetic, not a timing: what a submission may inflate (<see cref="IntakeOptions.MaxInflatedBytes"/>),
/// read at the slowest rate measured for any pattern (<see cref="ReadCost"/>), plus a cold start, fits in 15 s; and the
/// reader charges every opening of every part to that one budget, so no file can make it parse more.
/// </summary>
public sealed class ReadCostTests
{
    [Fact]
    public void The_default_inflate_budget_read_at_the_slowest_measured_rate_is_answered_within_15_seconds()
    {
        var options = new IntakeOptions();

        var worst = ReadCost.WorstSeconds(options);

        Assert.True(worst <= ReadCost.Bound.TotalSeconds, $"{options.MaxInflatedBytes / 1048576} MB at {ReadCost.WorstMegabytesPerSecond} MB/s + {ReadCost.ColdStartSeconds} s = {worst:N1} s");
        Assert.True(options.MaxInflatedBytes <= ReadCost.LargestInflateBudget);
        Assert.Equal(15, ReadCost.Bound.TotalSeconds);
    }

    [Fact]
    public void The_reader_charges_every_opening_to_the_one_budget_of_MaxInflatedBytes()
    {
        var limits = ReadLimits.For(new IntakeOptions { MaxInflatedBytes = 123_456_789 }, 1_000);

        Assert.Equal(123_456_789, limits.InflateBudget);
        Assert.Equal(123_456_789, limits.MaxPartBytes);
    }

    [Fact]
    public void A_sheet_that_fits_the_budget_once_but_not_scanned_and_read_is_refused_as_inflating_too_far()
    {
        // 1.4 MB of sheet: inside a 2 MB budget as one part, past it once the merge scan and the rows have both read it.
        var rows = WorkbookParts.Rows + string.Concat(Enumerable.Range(4, 15_000).Select(i => $"<row r=\"{i}\"><c r=\"A{i}\" t=\"inlineStr\"><is><t>Service {i * 7919 % 100_003}</t></is></c></row>"));
        var bytes = new WorkbookParts().Set(WorkbookParts.Sheet, WorkbookParts.SheetXml(rows)).Build();

        var tight = new SubmissionReader(new IntakeOptions { MaxInflatedBytes = 2 << 20 }, HeaderSynonyms.BuiltIn).Read(new MemoryStream(bytes), "return.xlsx");
        var roomy = new SubmissionReader(new IntakeOptions { MaxInflatedBytes = 4 << 20 }, HeaderSynonyms.BuiltIn).Read(new MemoryStream(bytes), "return.xlsx");

        Assert.Equal("file.inflates-too-far", Assert.Single(tight.Problems, p => p.Severity == Pipeline.Submissions.ProblemSeverity.FileError).Code);
        Assert.DoesNotContain(roomy.Problems, p => p.Code == "file.inflates-too-far");
    }
}
