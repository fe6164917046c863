using SharedServicesPipeline.Pipeline.Validation;

namespace SharedServicesPipeline.Tests.Intake;

/// <summary>Dates the way officers type them, beyond the template's own forms.</summary>
public sealed class DatesAsWrittenTests
{
    [Theory]
    [InlineData("1st April 2011", 2011, 4, 1, false)]
    [InlineData("31st March 2014", 2014, 3, 31, false)]
    [InlineData("2nd of May 2012", 2012, 5, 2, false)]
    [InlineData("1 Apr 11", 2011, 4, 1, false)]
    [InlineData("Friday 1 April 2011", 2011, 4, 1, false)]
    [InlineData("April 1, 2011", 2011, 4, 1, false)]
    [InlineData("20110401", 2011, 4, 1, false)]
    [InlineData("April '11", 2011, 4, 1, true)]
    [InlineData("April \u201911", 2011, 4, 1, true)]
    [InlineData("FY 2012/13", 2012, 4, 1, true)]
    [InlineData("2012\u201313", 2012, 4, 1, true)]
    [InlineData("from 2009", 2009, 4, 1, true)]
    [InlineData("since 2010", 2010, 4, 1, true)]
    [InlineData("since 01/04/2010", 2010, 4, 1, false)]
    [InlineData("c. 2008", 2008, 4, 1, true)]
    [InlineData("circa 01/04/2008", 2008, 4, 1, true)]
    [InlineData("Summer 2010", 2010, 6, 1, true)]
    [InlineData("Autumn 2010", 2010, 9, 1, true)]
    [InlineData("early 2012", 2012, 1, 1, true)]
    [InlineData("mid-2012", 2012, 7, 1, true)]
    [InlineData("late 2012", 2012, 10, 1, true)]
    [InlineData("April 2011 onwards", 2011, 4, 1, true)]
    [InlineData("01/04/2010 - present", 2010, 4, 1, false)]
    public void Reads_dates_as_officers_type_them(string text, int year, int month, int day, bool approximate)
    {
        var parsed = DateParser.Parse(text);

        Assert.False(parsed.IsError, parsed.Error);
        Assert.Equal((new DateOnly(year, month, day), approximate), (parsed.Value, parsed.IsApproximate));
    }

    [Fact]
    public void A_date_typed_as_the_number_20110401_is_that_day_not_a_serial()
    {
        Assert.Equal(new DateOnly(2011, 4, 1), DateParser.Parse(20110401d).Value);
    }

    [Theory]
    [InlineData("Q2 2012", 2012, 4, "calendar quarter 2")]
    [InlineData("Q2 2012/13", 2012, 7, "financial year 2012/13")]
    [InlineData("Q4 2012/13", 2013, 1, "financial year 2012/13")]
    [InlineData("2012 Q3", 2012, 7, "calendar quarter 3")]
    public void A_quarter_of_a_calendar_year_and_of_a_financial_year_read_differently_and_the_reading_is_said(string text, int year, int month, string said)
    {
        var parsed = DateParser.Parse(text);

        Assert.Equal(new DateOnly(year, month, 1), parsed.Value);
        Assert.True(parsed.IsApproximate);
        Assert.Contains(said, parsed.Note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("TBC")]
    [InlineData("To be confirmed")]
    [InlineData("Ongoing")]
    [InlineData("N/A")]
    [InlineData("No end date")]
    [InlineData("Open-ended")]
    [InlineData("-")]
    [InlineData("?")]
    public void An_answer_that_means_no_date_is_no_date_not_an_error(string text)
    {
        var parsed = DateParser.Parse(text);

        Assert.Equal((null, false), (parsed.Value, parsed.IsError));
    }

    [Theory]
    [InlineData("31/09/2011")]
    [InlineData("31st September 2011")]
    [InlineData("20111301")]
    [InlineData("Q5 2012")]
    [InlineData("Q2 2012/14")]
    [InlineData("from soon")]
    public void A_date_that_does_not_exist_or_cannot_be_read_is_an_error(string text) => Assert.True(DateParser.Parse(text).IsError);

    [Fact]
    public void A_paragraph_in_a_date_cell_is_an_error_without_trying_every_pattern_on_it() =>
        Assert.True(DateParser.Parse(string.Concat(Enumerable.Repeat("from ", 6_000)) + "2011").IsError);
}
