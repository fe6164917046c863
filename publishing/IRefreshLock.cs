namespace SharedServicesPipeline.Publishing;

/// <summary>The single-flight lock of a refresh: a file lock locally, a renewed blob lease in Azure.</summary>
public interface IRefreshLock : IAsyncDisposable
{
    /// <summary>Cancelled if the lock is lost while held (a lease that could not be renewed): the refresh must stop.</summary>
    CancellationToken Lost { get; }
}
