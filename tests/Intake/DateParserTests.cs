using SharedServicesPipeline.Pipeline.Validation;

namespace SharedServicesPipeline.Tests.Intake;

public sealed class DateParserTests
{
    [Theory]
    [InlineData("01/04/2011", 2011, 4, 1, false)]
    [InlineData("1/4/2011", 2011, 4, 1, false)]
    [InlineData("April 2010", 2010, 4, 1, true)]
    [InlineData("Sept 2015", 2015, 9, 1, true)]
    [InlineData("2011", 2011, 4, 1, true)]
    [InlineData("2009/10", 2009, 4, 1, true)]
    [InlineData("2009-10", 2009, 4, 1, true)]
    [InlineData("2011-04-01", 2011, 4, 1, false)]
    public void Reads_dates_day_first_and_as_months_years_and_financial_years(string text, int year, int month, int day, bool approximate)
    {
        var parsed = DateParser.Parse(text);
        Assert.Equal(new DateOnly(year, month, day), parsed.Value);
        Assert.Equal(approximate, parsed.IsApproximate);
    }

    [Fact]
    public void Reads_an_excel_serial_as_a_date() => Assert.Equal(new DateOnly(2011, 4, 1), DateParser.Parse(40634.0).Value);

    [Fact]
    public void Reads_a_whole_number_in_the_years_range_as_a_year_not_a_serial()
    {
        var parsed = DateParser.Parse(2011.0);
        Assert.Equal(new DateOnly(2011, 4, 1), parsed.Value);
        Assert.True(parsed.IsApproximate);
    }

    [Fact]
    public void Reads_an_excel_date_cell() => Assert.Equal(new DateOnly(2010, 6, 30), DateParser.Parse(new DateTime(2010, 6, 30)).Value);

    [Theory]
    [InlineData("31/02/2011")]
    [InlineData("30/13/2011")]
    [InlineData("next spring")]
    public void Rejects_impossible_or_unreadable_dates(string text) => Assert.True(DateParser.Parse(text).IsError);
}
