using SharedServicesPipeline.Pipeline.Reading;
using SharedServicesPipeline.Pipeline.Submissions;
using SharedServicesPipeline.Pipeline.Validation;
using Xunit;
using SharedServicesPipeline.Pipeline.Reference;

namespace SharedServicesPipeline.Tests.Intake;

/// <summary>A partner that goes to review is held with a message that says what the name is, when the matcher can tell.</summary>
public sealed class PartnerFeedbackTests
{
    [Theory]
    [InlineData("Capita plc", "is a company")]
    [InlineData("Saffron Walden Town Council", "is a town, parish or community council")]
    [InlineData("all Essex districts", "describes several councils")]
    [InlineData("TBC", "is not a partner's name")]
    [InlineData("Borsetshire County Council", "Check the spelling")]
    public void An_unmatched_partner_is_held_with_a_message_that_says_what_it_is(string partner, string says)
    {
        var layout = TestRows.Layout("Arrangement", "Partners", "Service area");
        var row = TestRows.Row(layout, 2, "Shared revenues", $"Essex County Council; {partner}", "Revenues and benefits");

        var verdict = new ArrangementValidator(IntakeRegister.Matcher, ServiceAreaTaxonomy.BuiltIn).Validate(row);

        Assert.Equal(RowOutcome.Held, verdict.Outcome);
        var problem = Assert.Single(verdict.Problems, p => p.Code == "partner.unknown");
        Assert.Equal((ProblemSeverity.RowError, "Partners", partner), (problem.Severity, problem.Column, problem.Value));
        Assert.Contains(says, problem.Message, StringComparison.Ordinal);
    }
}
