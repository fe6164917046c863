namespace SharedServicesPipeline.Publishing;

/// <summary>
/// Tables of the extract computed by the core from the mart's tables at refresh (not stored in the mart), published as
/// every other table is: CSV, Parquet and a manifest entry, and seen by every artifact.
/// </summary>
public interface IExtractDerivation
{
    IReadOnlyList<ExtractTable> Derive(IReadOnlyList<ExtractTable> tables, DateOnly asOf);
}
