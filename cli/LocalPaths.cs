namespace SharedServicesPipeline.Cli;

/// <summary>Where the embedded default keeps things: SQLite at ./data/sharedservices.db, extracts in ./data/extracts/.</summary>
internal sealed record LocalPaths(string Database, string Extracts)
{
    public const string DefaultDatabase = "data/sharedservices.db";
    public const string DefaultExtracts = "data/extracts";

    public string Reports => Path.Combine(Extracts, "reports");

    /// <summary>Operator overrides of the register and aliases: <c>reference/</c> beside the database.</summary>
    public string Reference => Path.Combine(Path.GetDirectoryName(Path.GetFullPath(Database)) ?? ".", "reference");
}
