using System.CommandLine;

namespace SharedServicesPipeline.Cli;

/// <summary>Options every verb accepts.</summary>
internal static class CommonOptions
{
    public static readonly Option<string> Database = new("--db")
    {
        Description = $"SQLite database file of the mart (default {LocalPaths.DefaultDatabase})",
        DefaultValueFactory = _ => LocalPaths.DefaultDatabase,
        Recursive = true,
    };

    public static readonly Option<string> Output = new("--out")
    {
        Description = $"Folder for extracts and reports (default {LocalPaths.DefaultExtracts})",
        DefaultValueFactory = _ => LocalPaths.DefaultExtracts,
        Recursive = true,
    };

    public static readonly Option<bool> Verbose = new("--verbose", "-v")
    {
        Description = "Log what the pipeline does (to standard error)",
        Recursive = true,
    };

    public static LocalPaths PathsFrom(ParseResult result) =>
        new(result.GetValue(Database) ?? LocalPaths.DefaultDatabase, result.GetValue(Output) ?? LocalPaths.DefaultExtracts);
}
