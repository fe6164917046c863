namespace SharedServicesPipeline.Publishing;

/// <summary>Keeps the run record of every refresh (the mart's <c>refresh_run</c> table). Implemented by the data mart.</summary>
public interface IRefreshLog
{
    /// <summary>Records a refresh, or updates its record: called when it starts (running) and when it ends.</summary>
    Task RecordAsync(RefreshOutcome outcome, CancellationToken cancellationToken);
}
