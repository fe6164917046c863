using System.Runtime.CompilerServices;
using SharedServicesPipeline.Pipeline.Validation;

namespace SharedServicesPipeline.Pipeline.Loading;

/// <summary>Rows already validated and held in memory: one slice, the same on every pass.</summary>
public sealed class InMemorySubmissionRows(int rowsRead, int rowsRejected, IReadOnlyList<ArrangementRecord> arrangements, IReadOnlyList<HeldRow> held)
    : ISubmissionRows
{
    public RowTotals Totals { get; } = new(rowsRead, arrangements.Count, rowsRejected, held.Count, Abandoned: false);

    public async IAsyncEnumerable<RowSlice> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        cancellationToken.ThrowIfCancellationRequested();
        yield return new RowSlice(arrangements, held);
    }
}
