namespace SharedServicesPipeline.Bench.Scenarios;

/// <summary>What a child process measured of one file's end-to-end ingests (it prints this as JSON).</summary>
internal sealed record IngestMeasurement(
    IReadOnlyList<double> Ms,
    long PeakWorkingSetBytes,
    int RowsRead,
    int RowsAccepted,
    int RowsHeld,
    int RowsRejected,
    int Arrangements,
    string MartFolder,
    IReadOnlyList<string> Log,
    IReadOnlyList<StageTime> Stages);

internal sealed record StageTime(string Stage, double Ms);
