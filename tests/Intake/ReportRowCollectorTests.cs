using SharedServicesPipeline.Pipeline;
using SharedServicesPipeline.Pipeline.Reporting;
using SharedServicesPipeline.Pipeline.Submissions;
using SharedServicesPipeline.Pipeline.Validation;

namespace SharedServicesPipeline.Tests.Intake;

/// <summary>The rule that keeps a huge submission's report small: all rows while small, then only rows with problems, capped.</summary>
public sealed class ReportRowCollectorTests
{
    [Fact]
    public void Keeps_every_row_of_a_small_submission()
    {
        var collector = new ReportRowCollector(new IntakeOptions { ReportAllRowsUpTo = 5 });

        Add(collector, problemsOnRows: [3], rows: 5);

        Assert.Equal([2, 3, 4, 5, 6], collector.Rows.Select(r => r.RowNumber));
        Assert.True(collector.ShowsAllRows);
        Assert.Equal(0, collector.ProblemRowsLeftOut);
    }

    [Fact]
    public void Keeps_only_rows_with_problems_past_the_threshold_and_counts_those_over_the_cap()
    {
        var collector = new ReportRowCollector(new IntakeOptions { ReportAllRowsUpTo = 3, ReportMaxProblemRows = 2 });

        Add(collector, problemsOnRows: [3, 6, 8, 9, 10], rows: 10);

        Assert.Equal([3, 6], collector.Rows.Select(r => r.RowNumber));
        Assert.False(collector.ShowsAllRows);
        Assert.Equal(3, collector.ProblemRowsLeftOut);
    }

    private static void Add(ReportRowCollector collector, int[] problemsOnRows, int rows)
    {
        var layout = TestRows.Layout("Arrangement", "Partners", "Service area");
        for (var n = 2; n < rows + 2; n++)
        {
            var row = TestRows.Row(layout, n, $"Arrangement {n}", "Essex County Council; Slough Borough Council", "Legal");
            SubmissionProblem[] problems = problemsOnRows.Contains(n)
                ? [new SubmissionProblem(ProblemSeverity.RowError, "title.missing", "No title.", layout.Sheet, n, "Arrangement")]
                : [];
            collector.Add(row, problems.Length == 0 ? RowOutcome.Accepted : RowOutcome.Rejected, problems);
        }
    }
}
