using SharedServicesPipeline.Pipeline;
using SharedServicesPipeline.Pipeline.Reading;
using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.Fuzz;

/// <summary>What the fuzz showed about damaged zips: the submitter is told the file is damaged, not that it is huge.</summary>
public sealed class DamagedWorkbookTests
{
    [Fact]
    public void A_part_that_inflates_past_its_declared_size_is_called_damaged_not_too_big()
    {
        // What a flipped bit in a part's deflate stream or its size field looks like to the guard.
        var damaged = XlsxParts.LieAboutSize(XlsxPackage.Template().Build(), XlsxPackage.Sheet, 100);

        var result = new SubmissionReader(new IntakeOptions(), HeaderSynonyms.BuiltIn).Read(new MemoryStream(damaged), "return.xlsx");

        var problem = Assert.Single(result.Problems);
        Assert.Equal("file.inflates-too-far", problem.Code);
        Assert.Contains("return.xlsx is damaged", problem.Message, StringComparison.Ordinal);
        Assert.Contains("inflates past the 100 bytes its directory declares", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("MB", problem.Message, StringComparison.Ordinal);
    }
}
