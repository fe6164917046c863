using SharedServicesPipeline.Pipeline.Validation;

namespace SharedServicesPipeline.Tests.Intake;

public sealed class MoneyParserTests
{
    [Theory]
    [InlineData("9000000", 9_000_000)]
    [InlineData("£9m", 9_000_000)]
    [InlineData("£1.2 million", 1_200_000)]
    [InlineData("£250k", 250_000)]
    [InlineData("£ 90,000", 90_000)]
    [InlineData("c. £40,000", 40_000)]
    [InlineData("90,000.50", 90_000.50)]
    [InlineData("£2.5bn", 2_500_000_000)]
    [InlineData("GBP 25,000", 25_000)]
    [InlineData("gbp25k", 25_000)]
    [InlineData("25,000 GBP", 25_000)]
    public void Reads_pounds_as_councils_write_them(string text, double expected) =>
        Assert.Equal((decimal)expected, MoneyParser.Parse(text).Value);

    [Theory]
    [InlineData("n/a")]
    [InlineData("-")]
    [InlineData("unknown")]
    [InlineData("")]
    [InlineData(null)]
    public void Treats_not_applicable_and_blank_as_no_value(string? text)
    {
        var parsed = MoneyParser.Parse(text);
        Assert.Null(parsed.Value);
        Assert.False(parsed.IsError);
    }

    [Theory]
    [InlineData("-5000")]
    [InlineData("£-5,000")]
    [InlineData("(5000)")]
    public void Rejects_negative_savings_with_their_own_reason_code(string text)
    {
        var parsed = MoneyParser.Parse(text);
        Assert.Contains("negative", parsed.Error, StringComparison.Ordinal);
        Assert.Equal(MoneyParser.NegativeCode, parsed.ErrorCode);
    }

    [Fact]
    public void Rejects_negative_numeric_cells_with_their_own_reason_code() => Assert.Equal(MoneyParser.NegativeCode, MoneyParser.Parse(-1.0).ErrorCode);

    // The reason code comes from the parser, not from the wording of its message.
    [Fact]
    public void Other_unreadable_amounts_carry_no_code_of_their_own() => Assert.Null(MoneyParser.Parse("£12 and 6d").ErrorCode);

    // Words that are no figure at all lose nothing by loading no saving: the row loads, with a warning, not a row error.
    [Fact]
    public void Words_that_are_no_figure_load_no_saving_with_a_warning_rather_than_rejecting_the_row()
    {
        var parsed = MoneyParser.Parse("about a third");

        Assert.False(parsed.IsError);
        Assert.Null(parsed.Value);
        Assert.Equal(MoneyParser.NotAFigureCode, parsed.WarningCode);
    }

    [Theory]
    [InlineData("10% of budget")]
    [InlineData("12.3.4")]
    [InlineData("2011-12")]
    public void Rejects_text_with_figures_that_are_not_an_amount_of_money(string text) => Assert.True(MoneyParser.Parse(text).IsError);
}
