using System.CommandLine;

namespace SharedServicesPipeline.Cli.Commands;

internal static class IngestCommand
{
    public static Command Create()
    {
        var files = new Argument<FileInfo[]>("files") { Description = "Submission files (.xlsx, .xlsm, .xls, .csv), ingested in the order given", Arity = ArgumentArity.OneOrMore };
        var open = new Option<bool>("--open") { Description = "Open each submission's report page (report.html) in the browser" };
        var command = new Command("ingest", "Ingest submissions into the local mart and write a report for each; prints the path of each report page") { files, open };
        command.SetAction(async (result, cancellationToken) =>
        {
            var paths = CommonOptions.PathsFrom(result);
            var missing = result.GetValue(files)!.Where(f => !f.Exists).ToList();
            if (missing.Count > 0)
            {
                await Console.Error.WriteLineAsync($"No such file: {string.Join(", ", missing.Select(f => f.FullName))}");
                return ExitCodes.Usage;
            }

            await using var runner = await PipelineRunner.StartAsync(paths, result.GetValue(CommonOptions.Verbose), cancellationToken);
            var outcomes = new List<Pipeline.Submissions.SubmissionOutcome>();
            foreach (var file in result.GetValue(files)!)
            {
                var outcome = await runner.IngestAsync(file.FullName, cancellationToken);
                OutcomePrinter.Print(Console.Out, outcome, paths.Reports);
                outcomes.Add(outcome);
                if (result.GetValue(open) && OutcomePrinter.PageOf(outcome, paths.Reports) is { } page)
                {
                    ReportOpener.Open(page, Console.Error);
                }
            }

            return OutcomePrinter.ExitCodeOf(outcomes);
        });
        return command;
    }
}
