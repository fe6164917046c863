using SharedServicesPipeline.Pipeline.Submissions;
using SharedServicesPipeline.Pipeline.Validation;

namespace SharedServicesPipeline.Pipeline.Loading;

/// <summary>
/// A submission's validated rows as the loader takes them: slice by slice, so a big file is never held whole. Each call
/// to <see cref="ReadAsync"/> starts again from the first row, so a load that must start over (a transient fault, a
/// collision with another load) reads the rows again rather than keeping them.
/// </summary>
public interface ISubmissionRows
{
    /// <summary>The rows in file order, a slice at a time. When it ends, <see cref="Totals"/> describes this pass.</summary>
    IAsyncEnumerable<RowSlice> ReadAsync(CancellationToken cancellationToken);

    /// <summary>The counts of the last complete pass; <see cref="RowTotals.Abandoned"/> when the file turned out to be
    /// unloadable part-way (too many rows, a damaged part): the loader must then load nothing.</summary>
    RowTotals Totals { get; }
}

/// <summary>A run of accepted and held rows, in file order within each list.</summary>
public sealed record RowSlice(IReadOnlyList<ArrangementRecord> Arrangements, IReadOnlyList<HeldRow> Held);

/// <summary>What a pass over a submission's rows found.</summary>
/// <param name="Return">What the return says about itself above its header, kept on the submission; null when nothing.</param>
public sealed record RowTotals(int RowsRead, int RowsAccepted, int RowsRejected, int RowsHeld, bool Abandoned, ReturnDescription? Return = null);
