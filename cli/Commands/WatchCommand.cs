using System.CommandLine;

namespace SharedServicesPipeline.Cli.Commands;

internal static class WatchCommand
{
    public static Command Create()
    {
        var folder = new Argument<DirectoryInfo>("incoming")
        {
            Description = "Folder to watch; files move to processed/ or rejected/ beside it. A council's files go in <incoming>/<its GSS code>/",
        };
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
            // Files changed in the last 2 s may still be being written; --once takes what is there.
            var store = new FolderSubmissionStore(incoming.FullName, result.GetValue(once) ? TimeSpan.Zero : TimeSpan.FromSeconds(2));
            Console.WriteLine($"Watching {store.Incoming} (Ctrl+C to stop).");
            var worst = ExitCodes.Success;
            while (!cancellationToken.IsCancellationRequested)
            {
                var waiting = await store.ListAsync(cancellationToken);
                foreach (var submission in waiting)
                {
                    try
                    {
                        var outcome = await runner.ProcessAsync(store, submission, cancellationToken);
                        OutcomePrinter.Print(Console.Out, outcome, paths.Reports, maxProblems: 5);
                        worst = Math.Max(worst, OutcomePrinter.ExitCodeOf([outcome]));
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        // One file's fault (a locked database, a full disk) must not stop the watch: it stays in incoming/.
                        await Console.Error.WriteLineAsync(
                            $"{submission.Name}: could not be processed ({ex.GetType().Name}: {ex.Message}); attempt {store.AttemptsOf(submission.Name)} of {runner.MaxAttempts}, it stays in {store.Incoming} and is tried again.");
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
