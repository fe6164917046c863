using System.CommandLine;

namespace SharedServicesPipeline.Cli.Commands;

internal static class RefreshCommand
{
    public static Command Create()
    {
        var force = new Option<bool>("--force") { Description = "Publish a new run even when nothing changed since the latest one" };
        var command = new Command("refresh", "Publish every extract from the local mart as a new run (nothing is written when nothing changed); prints the run record") { force };
        command.SetAction(async (result, cancellationToken) =>
        {
            var paths = CommonOptions.PathsFrom(result);
            await using var runner = await PipelineRunner.StartAsync(paths, result.GetValue(CommonOptions.Verbose), cancellationToken);
            var outcome = await runner.RefreshAsync(cancellationToken, result.GetValue(force));
            OutcomePrinter.Print(outcome.Status is Publishing.RefreshStatus.Failed or Publishing.RefreshStatus.Busy ? Console.Error : Console.Out, outcome, paths.Extracts);
            return OutcomePrinter.ExitCodeOf(outcome);
        });
        return command;
    }
}
