using SharedServicesPipeline.Pipeline.Submissions;
using SharedServicesPipeline.Pipeline.Validation;

namespace SharedServicesPipeline.Tests.Intake;

/// <summary>A council's submission loads only the arrangements it is part of; the rest are held with the reason.</summary>
public sealed class CouncilPartyTests
{
    // The built-in register: the reorganisations (successor codes) are what is being checked.
    private static readonly ArrangementValidator Validator = new(Pipeline.Reference.AuthorityMatcher.CreateBuiltIn(), Pipeline.Reference.ServiceAreaTaxonomy.BuiltIn);

    private static RowVerdict Validate(string partners, string? lead, string start, SubmittingCouncil council)
    {
        var layout = TestRows.Layout("Arrangement", "Partners", "Lead authority", "Service area", "Start date");
        return Validator.Validate(TestRows.Row(layout, 2, "Shared legal service", partners, lead, "Legal", start), council);
    }

    [Fact]
    public void A_council_s_row_for_its_own_arrangement_loads()
    {
        var verdict = Validate("Adur District Council; Worthing Borough Council", null, "01/04/2012", new("E07000223", "Adur District Council"));

        Assert.Equal(RowOutcome.Accepted, verdict.Outcome);
    }

    [Fact]
    public void A_council_s_row_for_an_arrangement_it_is_not_part_of_is_held_with_the_reason_and_what_to_do()
    {
        var verdict = Validate("Adur District Council; Worthing Borough Council", "Adur District Council", "01/04/2012", new("E07000228", "Mid Sussex District Council"));

        Assert.Equal(RowOutcome.Held, verdict.Outcome);
        var problem = Assert.Single(verdict.Problems, p => p.Code == "submission.not-a-party");
        Assert.Equal(ProblemSeverity.RowError, problem.Severity);
        Assert.Equal("Partners", problem.Column);
        Assert.Contains("Mid Sussex District Council", problem.Message, StringComparison.Ordinal);
        Assert.Contains("add it to Partners", problem.Message, StringComparison.Ordinal);
        Assert.Empty(verdict.Held!.UnresolvedNames);
    }

    [Fact]
    public void A_council_may_submit_the_arrangements_of_the_councils_it_replaced()
    {
        // Taunton Deane (to 2019) became Somerset West and Taunton, which became Somerset Council in 2023.
        var verdict = Validate("Taunton Deane Borough Council; West Somerset Council", null, "01/04/2012", new("E06000066", "Somerset Council"));

        Assert.Equal(RowOutcome.Accepted, verdict.Outcome);
    }

    [Fact]
    public void The_programme_team_s_rows_are_not_checked_for_a_submitting_council()
    {
        var layout = TestRows.Layout("Arrangement", "Partners", "Service area");

        var verdict = Validator.Validate(TestRows.Row(layout, 2, "Shared legal service", "Adur District Council; Worthing Borough Council", "Legal"), council: null);

        Assert.Equal(RowOutcome.Accepted, verdict.Outcome);
    }
}
