using SharedServicesPipeline.Pipeline.Reading;
using SharedServicesPipeline.Pipeline.Validation;

namespace SharedServicesPipeline.Tests.Intake;

/// <summary>
/// Savings the way officers type them. A figure with a note loads; what is not one figure is never guessed silently:
/// a range loads its lower end, an upper limit nothing, a total over years its yearly average (annual column only),
/// each with a warning.
/// </summary>
public sealed class SavingsAsWrittenTests
{
    [Theory]
    [InlineData("£200k pa", 200_000)]
    [InlineData("£200,000 per annum", 200_000)]
    [InlineData("£ 1,000,000.00", 1_000_000)]
    [InlineData("1.2M", 1_200_000)]
    [InlineData("£120K", 120_000)]
    [InlineData("£1,234.56", 1_234.56)]
    [InlineData("1,234.5", 1_234.5)]
    [InlineData("£45,000 (estimated)", 45_000)]
    [InlineData("£80,000 - see note 3", 80_000)]
    [InlineData("£2.3m (2011/12)", 2_300_000)]
    [InlineData("£25k per year", 25_000)]
    [InlineData("Approx £10,000 p.a.", 10_000)]
    [InlineData("£1,500,000\u00A0", 1_500_000)]
    [InlineData("£20k recurring", 20_000)]
    public void A_figure_written_with_its_period_or_a_note_loads_as_that_figure(string text, double expected)
    {
        var parsed = MoneyParser.Parse(text, annual: true);

        Assert.Equal(((decimal?)expected, null, null), (parsed.Value, parsed.Error, parsed.WarningCode));
    }

    [Theory]
    [InlineData("nil")]
    [InlineData("None")]
    [InlineData("£0")]
    [InlineData("Zero")]
    [InlineData("No savings")]
    public void Nil_none_and_nought_are_a_saving_of_zero(string text) => Assert.Equal(0m, MoneyParser.Parse(text).Value);

    [Theory]
    [InlineData("Not yet known")]
    [InlineData("Not quantified")]
    [InlineData("Non-cashable")]
    [InlineData("To be determined")]
    [InlineData("TBC")]
    public void An_answer_that_there_is_no_figure_yet_is_no_value_and_no_warning(string text)
    {
        var parsed = MoneyParser.Parse(text);

        Assert.Equal((null, null, null), (parsed.Value, parsed.Error, parsed.WarningCode));
    }

    [Theory]
    [InlineData("£100k-£150k", 100_000)]
    [InlineData("£5,000 - £10,000", 5_000)]
    [InlineData("£50,000\u2013£60,000", 50_000)]
    [InlineData("£100-150k", 100_000)]
    [InlineData("between £1m and £2m", 1_000_000)]
    [InlineData("£50k+", 50_000)]
    [InlineData("over £1m", 1_000_000)]
    [InlineData("at least £20,000", 20_000)]
    public void A_range_or_a_lower_limit_loads_its_lower_end_with_a_warning_naming_what_was_loaded(string text, double lower)
    {
        var parsed = MoneyParser.Parse(text);

        Assert.Equal(((decimal?)lower, MoneyParser.RangeCode), (parsed.Value, parsed.WarningCode));
        Assert.Contains($"{(decimal)lower:£#,##0}", parsed.Note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("up to £50k")]
    [InlineData("less than £10,000")]
    [InlineData("< £5k")]
    public void An_upper_limit_alone_loads_no_saving_with_a_warning(string text)
    {
        var parsed = MoneyParser.Parse(text);

        Assert.Equal((null, MoneyParser.RangeCode), (parsed.Value, parsed.WarningCode));
    }

    [Fact]
    public void An_annual_saving_written_as_a_total_over_years_loads_the_yearly_average_with_a_warning()
    {
        var parsed = MoneyParser.Parse("£1.5m over 3 years", annual: true);

        Assert.Equal((500_000m, MoneyParser.AveragedCode), (parsed.Value, parsed.WarningCode));
        Assert.Contains("£500,000 a year", parsed.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Savings_to_date_written_as_a_total_over_years_are_that_total()
    {
        var parsed = MoneyParser.Parse("£1.5m over three years", annual: false);

        Assert.Equal((1_500_000m, null), (parsed.Value, parsed.WarningCode));
    }

    [Theory]
    [InlineData("See description")]
    [InlineData("Efficiency gains rather than cash")]
    public void Words_that_are_no_figure_load_no_saving_with_a_warning(string text)
    {
        var parsed = MoneyParser.Parse(text);

        Assert.Equal((null, null, MoneyParser.NotAFigureCode), (parsed.Value, parsed.Error, parsed.WarningCode));
    }

    [Theory]
    [InlineData("(£20,000)")]
    [InlineData("-£20k")]
    public void A_net_cost_written_as_a_negative_is_still_an_error(string text) => Assert.Contains("negative", MoneyParser.Parse(text).Error, StringComparison.Ordinal);

    [Fact]
    public void A_paragraph_of_figures_is_an_error_without_trying_every_pattern_on_it() =>
        Assert.True(MoneyParser.Parse(string.Concat(Enumerable.Repeat("1 ", 16_000)) + "x").IsError);

    [Theory]
    [InlineData("Annual savings (£000s)", 1_000)]
    [InlineData("Savings to date (£k)", 1_000)]
    [InlineData("Annual saving £'000", 1_000)]
    [InlineData("Savings (£ thousands)", 1_000)]
    [InlineData("Annual savings (£m)", 1_000_000)]
    [InlineData("Annual savings (£)", 1)]
    [InlineData("Annual savings", 1)]
    public void A_savings_header_can_give_its_figures_unit(string header, double scale) =>
        Assert.Equal((decimal)scale, HeaderUnit.ScaleOf(header));

    [Theory]
    [InlineData(600d, 600_000)]
    [InlineData("45.5", 45_500)]
    [InlineData("£250k", 250_000)]
    [InlineData("£1.2m", 1_200_000)]
    public void A_figure_in_a_column_of_thousands_is_thousands_unless_it_gives_its_own_unit(object cell, double expected) =>
        Assert.Equal((decimal)expected, MoneyParser.Parse(cell, annual: true, scale: 1_000m).Value);
}
