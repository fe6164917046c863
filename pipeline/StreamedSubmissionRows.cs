using System.Runtime.CompilerServices;
using System.Threading.Channels;
using SharedServicesPipeline.Pipeline.Loading;
using SharedServicesPipeline.Pipeline.Reading;
using SharedServicesPipeline.Pipeline.Reporting;
using SharedServicesPipeline.Pipeline.Submissions;
using SharedServicesPipeline.Pipeline.Validation;

namespace SharedServicesPipeline.Pipeline;

/// <summary>
/// A submission's rows read, validated and matched on a thread of their own while the loader writes the slices before
/// them: reading and loading overlap on two cores, and at most a few slices are ever held. Each pass reads the file from
/// its first byte; the last pass's read result and validation (problems, report rows, counts) are what the report shows.
/// </summary>
internal sealed class StreamedSubmissionRows(SubmissionReader reader, ArrangementValidator validator, IntakeOptions options, Stream content, string fileName, SubmittingCouncil? council)
    : ISubmissionRows
{
    // Read ahead of the load by a few slices at most: enough to keep both cores busy, little held.
    private const int SlicesInFlight = 4;

    public RowTotals Totals { get; private set; } = new(0, 0, 0, 0, Abandoned: true);

    /// <summary>The last pass's read result (sheets, file-level problems), or null before the first.</summary>
    public SubmissionReadResult? Read { get; private set; }

    /// <summary>The last pass's description of the return (authority, its code, period), or null.</summary>
    public ReturnDescription? Return { get; private set; }

    /// <summary>The last pass's validation: row problems, report rows, counts.</summary>
    public RowValidation? Rows { get; private set; }

    public async IAsyncEnumerable<RowSlice> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var slices = Channel.CreateBounded<RowSlice>(new BoundedChannelOptions(SlicesInFlight) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // A pass starting again (a load that starts over) lets go of the last pass's snapshot file.
        Rows?.Arrangements.Dispose();
        Rows = null;
        // One budget a pass, charged by the reader (bytes, rows) and the validation (partners, names, pairs) alike.
        var work = WorkBudget.For(options);
        var rows = new RowValidation(validator, new ReportRowCollector(options), slice => slices.Writer.WriteAsync(slice, stop.Token).AsTask().GetAwaiter().GetResult(), Math.Max(1, options.SliceRows), council, options.MaxListedProblems, work, stop.Token);
        var producer = Task.Factory.StartNew(
            () =>
            {
                try
                {
                    content.Position = 0;
                    var read = reader.Read(content, fileName, rows.Add, work);
                    if (!read.HasFileError)
                    {
                        rows.Flush();
                    }

                    slices.Writer.TryComplete();
                    return read;
                }
                catch (Exception ex)
                {
                    slices.Writer.TryComplete(ex);
                    throw;
                }
            },
            stop.Token,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

        var finished = false;
        try
        {
            await foreach (var slice in slices.Reader.ReadAllAsync(cancellationToken))
            {
                yield return slice;
            }

            var result = await producer;
            Read = result;
            Rows = rows;
            Return = TitleBlockAuthority.Describe(result.Description, validator);
            Totals = new RowTotals(result.RowsRead, rows.Accepted, rows.Rejected, rows.Held, result.HasFileError, Return);
            finished = true;
        }
        finally
        {
            if (!finished)
            {
                // The loader stopped early (a fault, a cancellation): stop reading too, and wait for the thread to let go of the stream.
                await stop.CancelAsync();
                await producer.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                rows.Arrangements.Dispose();
            }
        }
    }
}
