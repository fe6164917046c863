using SharedServicesPipeline.Pipeline.Reading;
using SharedServicesPipeline.Pipeline.Submissions;
using SharedServicesPipeline.Pipeline.Validation;
using SharedServicesPipeline.Pipeline.Reference;

namespace SharedServicesPipeline.Tests.Intake;

/// <summary>Money, dates and service areas as councils write them (beyond the basic cases in the parser tests).</summary>
public sealed class ValueParsingTests
{
    [Theory]
    [InlineData("£1,200,000.00", 1_200_000)]
    [InlineData("1.2m", 1_200_000)]
    [InlineData("£0.5m", 500_000)]
    [InlineData("£ 90,000", 90_000)]
    [InlineData("90000 p.a.", 90_000)]
    [InlineData("£40k per annum", 40_000)]
    [InlineData("approx. £1.1m", 1_100_000)]
    [InlineData("circa £250k", 250_000)]
    [InlineData("250,000", 250_000)]
    public void Reads_more_ways_of_writing_pounds(string text, double expected) =>
        Assert.Equal((decimal)expected, MoneyParser.Parse(text).Value);

    [Fact]
    public void Flags_an_approximate_amount_and_reads_a_number_cell_exactly()
    {
        Assert.True(MoneyParser.Parse("c. £40,000").IsApproximate);
        Assert.Equal(90_000.50m, MoneyParser.Parse(90_000.5).Value);
    }

    [Theory]
    [InlineData("(£5,000)")]
    [InlineData("-£5k")]
    public void Rejects_negative_amounts_written_in_accounting_style(string text) =>
        Assert.Contains("negative", MoneyParser.Parse(text).Error, StringComparison.Ordinal);

    [Theory]
    [InlineData(40634d, 2011, 4, 1, false)] // an Excel serial
    [InlineData("40634", 2011, 4, 1, false)] // the same serial as text
    [InlineData("1/4/11", 2011, 4, 1, false)]
    [InlineData("01.04.2011", 2011, 4, 1, false)]
    [InlineData("1 April 2011", 2011, 4, 1, false)]
    [InlineData("29/02/2012", 2012, 2, 29, false)]
    [InlineData("Apr-10", 2010, 4, 1, true)]
    [InlineData("Sept 2015", 2015, 9, 1, true)]
    [InlineData("september 2015", 2015, 9, 1, true)]
    [InlineData(2011d, 2011, 4, 1, true)] // a year as a number, not serial 2011 (3 July 1905)
    [InlineData("2011", 2011, 4, 1, true)]
    [InlineData("2009/10", 2009, 4, 1, true)]
    [InlineData("2009-10", 2009, 4, 1, true)]
    [InlineData("2009/2010", 2009, 4, 1, true)]
    [InlineData("FY 2011/12", 2011, 4, 1, true)]
    public void Reads_dates_as_councils_write_them(object cell, int year, int month, int day, bool approximate)
    {
        var parsed = DateParser.Parse(cell);

        Assert.Equal((new DateOnly(year, month, day), approximate), (parsed.Value!.Value, parsed.IsApproximate));
    }

    [Theory]
    [InlineData("31/02/2011")]
    [InlineData("29/02/2011")]
    [InlineData("00/01/2011")]
    [InlineData("2009/11")] // not a financial year: 2009/10 is
    [InlineData("soon")]
    public void Rejects_impossible_dates(string text)
    {
        var parsed = DateParser.Parse(text);

        Assert.True(parsed.IsError);
        Assert.Null(parsed.Value);
    }

    [Theory]
    [InlineData("Revs & bens", "Revenues and benefits", "Back office")]
    [InlineData("Shared ICT service", "ICT", "Back office")]
    [InlineData("IT support", "ICT", "Back office")]
    [InlineData("Refuse collection", "Waste collection", "Front office")]
    [InlineData("Bin collection", "Waste collection", "Front office")]
    [InlineData("Museums", "Leisure and culture", "Front office")]
    [InlineData("Joint chief executive", "Shared chief executive", "Management")]
    [InlineData("legal services", "Legal", "Back office")]
    public void Resolves_service_area_synonyms_to_the_taxonomy(string text, string area, string category)
    {
        var resolved = ServiceAreaTaxonomy.BuiltIn.Resolve(text);

        Assert.Equal((area, category), (resolved!.Name, resolved.Category));
    }

    [Fact]
    public void Loads_an_unrecognised_service_area_under_Other_with_a_warning()
    {
        var layout = TestRows.Layout("Arrangement", "Partners", "Service area");
        var row = TestRows.Row(layout, 2, "Shared beekeeping", "Essex County Council; Slough Borough Council", "Municipal beekeeping");

        var verdict = new ArrangementValidator(IntakeRegister.Matcher, ServiceAreaTaxonomy.BuiltIn).Validate(row);

        Assert.Equal(RowOutcome.Accepted, verdict.Outcome);
        Assert.Equal(("Municipal beekeeping", "Other"), (verdict.Record!.ServiceArea.Name, verdict.Record.Category));
        var warning = Assert.Single(verdict.Problems);
        Assert.Equal((ProblemSeverity.Warning, "service-area.unrecognised", "Service area", "Municipal beekeeping", 2), (warning.Severity, warning.Code, warning.Column, warning.Value, warning.Row));
    }
}
