namespace SharedServicesPipeline.Publishing;

/// <summary>How a refresh ended. Written to the run record as kebab-case text (<c>no-change</c>).</summary>
public enum RefreshStatus
{
    /// <summary>Started and not yet ended (or ended by a crash: the record stays so).</summary>
    Running,

    /// <summary>A new run was published and made latest.</summary>
    Succeeded,

    /// <summary>Nothing changed since the latest run: it stays latest and nothing was written.</summary>
    NoChange,

    /// <summary>Nothing was published; the previous latest run is intact.</summary>
    Failed,

    /// <summary>Another refresh held the lock for longer than <see cref="PublishOptions.LockWait"/>: this one did nothing.</summary>
    Busy,
}
