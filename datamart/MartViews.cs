namespace SharedServicesPipeline.DataMart;

/// <summary>
/// The reporting views. Each provider's migration creates them with its own SQL (SQLite: group_concat; SQL Server:
/// STRING_AGG in schema mart), and the model maps them as keyless entities so code and tests can query them.
/// </summary>
public static class MartViews
{
    /// <summary>One row per arrangement: service area, category, dates, lead and partner names in one column.</summary>
    public const string Arrangement = "vw_arrangement";

    /// <summary>One row per council of the register (current version), with its arrangement counts, zero included.</summary>
    public const string CouncilSharing = "vw_council_sharing";
}
