using System.CommandLine;

namespace SharedServicesPipeline.Cli.Commands;

internal static class RefreshCommand
{
    public static Command Create()
    {
        var command = new Command("refresh", "Publish every extract from the local mart as a new run");
        command.SetAction(async (result, cancellationToken) =>
        {
            var paths = CommonOptions.PathsFrom(result);
            await using var runner = await PipelineRunner.StartAsync(paths, result.GetValue(CommonOptions.Verbose), cancellationToken);
            var outcome = await runner.RefreshAsync(cancellationToken);
            OutcomePrinter.Print(Console.Out, outcome, paths.Extracts);
            return ExitCodes.Success;
        });
        return command;
    }
}
