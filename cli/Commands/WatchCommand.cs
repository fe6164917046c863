using System.CommandLine;

namespace SharedServicesPipeline.Cli.Commands;

internal static class WatchCommand
{
    public static Command Create()
    {
        var folder = new Argument<DirectoryInfo>("incoming") { Description = "Folder to watch; files move to processed/ or rejected/ beside it" };
        var interval = new Option<int>("--interval") { Description = "Seconds between looks (default 5)", DefaultValueFactory = _ => 5 };
        var once = new Option<bool>("--once") { Description = "Process what is waiting, then exit" };
        var refresh = new Option<bool>("--refresh") { Description = "Refresh the extracts after each batch of files" };
        var command = new Command("watch", "Ingest files as they arrive in a folder, as the blob trigger does in Azure") { folder, interval, once, refresh };
        command.SetAction(async (result, cancellationToken) =>
        {
            var incoming = result.GetValue(folder)!;
            if (!incoming.Exists)
            {
                await Console.Error.WriteLineAsync($"No such folder: {incoming.FullName}");
                return ExitCodes.Usage;
            }

            var paths = CommonOptions.PathsFrom(result);
            await using var runner = await PipelineRunner.StartAsync(paths, result.GetValue(CommonOptions.Verbose), cancellationToken);
            var processor = new FolderSubmissionProcessor(incoming.FullName, runner);
            Console.WriteLine($"Watching {processor.Incoming} (Ctrl+C to stop).");
            var worst = ExitCodes.Success;
            while (!cancellationToken.IsCancellationRequested)
            {
                var waiting = processor.Waiting(result.GetValue(once) ? TimeSpan.Zero : TimeSpan.FromSeconds(2));
                foreach (var file in waiting)
                {
                    try
                    {
                        var outcome = await processor.ProcessAsync(file, cancellationToken);
                        OutcomePrinter.Print(Console.Out, outcome, paths.Reports, maxProblems: 5);
                        worst = Math.Max(worst, OutcomePrinter.ExitCodeOf([outcome]));
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        // One file's fault (a locked database, a full disk) must not stop the watch: it stays in incoming/.
                        await Console.Error.WriteLineAsync(
                            $"{file.Name}: could not be processed ({ex.GetType().Name}: {ex.Message}); attempt {processor.AttemptsOf(file)} of {runner.MaxAttempts}, it stays in {processor.Incoming} and is tried again.");
                        worst = Math.Max(worst, ExitCodes.Fault);
                    }
                }

                if (waiting.Count > 0 && result.GetValue(refresh))
                {
                    OutcomePrinter.Print(Console.Out, await runner.RefreshAsync(cancellationToken), paths.Extracts);
                }

                if (result.GetValue(once))
                {
                    return worst;
                }

                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(Math.Max(1, result.GetValue(interval))), cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }

            return worst;
        });
        return command;
    }
}
