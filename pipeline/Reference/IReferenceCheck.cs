namespace SharedServicesPipeline.Pipeline.Reference;

/// <summary>
/// Brings the reference data (register and aliases) up to date before an ingest or a refresh. Implemented by a host
/// whose reference data can change while it runs (the Functions app's reference container); the CLI reads its
/// reference folder once at start and needs none.
/// </summary>
public interface IReferenceCheck
{
    Task EnsureCurrentAsync(CancellationToken cancellationToken);
}
