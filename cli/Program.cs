using System.CommandLine;
using SharedServicesPipeline.Cli;
using SharedServicesPipeline.Cli.Commands;

var root = new RootCommand($"""
    ssp: the shared services pipeline on the embedded default (SQLite and local folders).

    {ExitCodes.Help}
    """)
{
    CommonOptions.Database,
    CommonOptions.Output,
    CommonOptions.Verbose,
    DemoCommand.Create(),
    IngestCommand.Create(),
    RefreshCommand.Create(),
    NormaliseCommand.Create(),
    WatchCommand.Create(),
    TemplateCommand.Create(),
    CouncilCommand.Create(),
};

try
{
    var parsed = root.Parse(args);
    if (parsed.Errors.Count > 0)
    {
        foreach (var error in parsed.Errors)
        {
            await Console.Error.WriteLineAsync(error.Message);
        }

        return ExitCodes.Usage;
    }

    return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception ex) when (ex is not OperationCanceledException)
{
    await Console.Error.WriteLineAsync($"ssp: {ex.GetType().Name}: {ex.Message}");
    await Console.Error.WriteLineAsync("Nothing partial was kept; it is safe to run the command again.");
    return ExitCodes.Fault;
}
