namespace SharedServicesPipeline.Bench.Scenarios;

/// <summary>What a child process measured of one file's end-to-end ingests (it prints this as JSON).</summary>
internal sealed record IngestMeasurement(
    IReadOnlyList<double> Ms,
    IReadOnlyList<double> CpuMs,
    long PeakWorkingSetBytes,
    int RowsRead,
    int RowsAccepted,
    int RowsHeld,
    int RowsRejected,
    int Arrangements,
    string MartFolder,
    IReadOnlyList<string> Log,
    IReadOnlyList<StageTime> Stages);

/// <param name="LiveBytesAfter">Managed memory still live after the stage, where measured.</param>
/// <param name="InTotal">False for a reference measurement that the ingest does not itself spend.</param>
internal sealed record StageTime(string Stage, double Ms, long? LiveBytesAfter = null, bool InTotal = true);
