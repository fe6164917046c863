namespace SharedServicesPipeline.Cli;

/// <summary>Exit codes of <c>ssp</c>, documented in <c>--help</c> and the README.</summary>
internal static class ExitCodes
{
    /// <summary>Everything done; every row loaded.</summary>
    public const int Success = 0;

    /// <summary>Done, but some rows were rejected or held for review: see the reports.</summary>
    public const int RowsRejected = 1;

    /// <summary>At least one file was rejected as a whole (not a spreadsheet, no header row, …).</summary>
    public const int FileRejected = 2;

    /// <summary>A fault: the database or a folder could not be used, or a refresh failed. Safe to run again.</summary>
    public const int Fault = 3;

    /// <summary>Another refresh was running and did not finish within the wait: nothing done. Try again later.</summary>
    public const int Busy = 4;

    /// <summary>ssp council: no council of that name or code, or the name could mean several (listed).</summary>
    public const int NotFound = 5;

    /// <summary>The command line was wrong.</summary>
    public const int Usage = 64;

    public const string Help = """
        Exit codes:
          0   success: every row loaded (or nothing to do)
          1   done, but some rows were rejected or held for review (see the reports)
          2   a file was rejected as a whole (see its report)
          3   fault (database or folder unavailable, or a refresh failed: the previous extracts stay); safe to run again
          4   another refresh is running (refresh waited, then did nothing); try again later
          5   council: no council by that name or code, or the name could mean several (they are listed)
          64  usage error
        """;
}
