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

    // en-GB's abbreviation of September is "Sept" in ICU 72 and "Sep" before it: both, and the other months' short forms
    // with or without a dot, must read whatever the machine's ICU, as councils write both.
    [Theory]
    [InlineData("15 Sep 2012", 2012, 9, 15)]
    [InlineData("15 Sept 2012", 2012, 9, 15)]
    [InlineData("15 Sept. 2012", 2012, 9, 15)]
    [InlineData("15-Sep-12", 2012, 9, 15)]
    [InlineData("15-Sep-2012", 2012, 9, 15)]
    [InlineData("15/Sep/2012", 2012, 9, 15)]
    [InlineData("Sep 15, 2012", 2012, 9, 15)]
    [InlineData("Sat 15 Sep 2012", 2012, 9, 15)]
    [InlineData("Saturday 15 September 2012", 2012, 9, 15)]
    [InlineData("3rd Sep 2011", 2011, 9, 3)]
    [InlineData("1 Jun 2011", 2011, 6, 1)]
    [InlineData("1 June 2011", 2011, 6, 1)]
    [InlineData("1 Jul. 2011", 2011, 7, 1)]
    [InlineData("30 Nov 11", 2011, 11, 30)]
    [InlineData("1 APR 2011", 2011, 4, 1)]
    public void Reads_short_month_names_whatever_the_culture_calls_them(string text, int year, int month, int day)
    {
        var parsed = DateParser.Parse(text);

        Assert.False(parsed.IsError, parsed.Error);
        Assert.Equal(new DateOnly(year, month, day), parsed.Value);
        Assert.False(parsed.IsApproximate);
    }

    [Theory]
    [InlineData("01/04/2011 to 31/03/2014", false, 2011, 4, 1)]
    [InlineData("01/04/2011 to 31/03/2014", true, 2014, 3, 31)]
    [InlineData("1 April 2011 - 31 March 2014", false, 2011, 4, 1)]
    [InlineData("April 2011 until March 2014", true, 2014, 3, 1)]
    public void Reads_the_start_or_the_end_of_a_range_written_in_one_cell_with_a_warning(string text, bool end, int year, int month, int day)
    {
        var parsed = DateParser.Parse(text, end);

        Assert.False(parsed.IsError, parsed.Error);
        Assert.Equal(new DateOnly(year, month, day), parsed.Value);
        Assert.Equal(DateParser.RangeCode, parsed.WarningCode);
        Assert.Contains(end ? "its end" : "its start", parsed.Note);
    }

    [Theory]
    [InlineData("31/03/2015 (extended)", false)]
    [InlineData("31/03/2015 (estimated)", true)]
    public void Reads_a_date_followed_by_a_note_in_brackets_and_says_the_note_was_not_read(string text, bool approximate)
    {
        var parsed = DateParser.Parse(text);

        Assert.Equal(new DateOnly(2015, 3, 31), parsed.Value);
        Assert.Equal(approximate, parsed.IsApproximate);
        Assert.Equal(DateParser.NoteCode, parsed.WarningCode);
    }

    [Theory]
    [InlineData("31/03/2014 to 01/04/2011")] // backwards: not a range we can take either end of
    [InlineData("Sept to Dec")]
    [InlineData("31/02/2011 (extended)")]
    public void Does_not_guess_at_a_range_or_note_whose_dates_do_not_read(string text) => Assert.True(DateParser.Parse(text).IsError);

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
