using System.CommandLine;

namespace SharedServicesPipeline.Cli.Commands;

internal static class DemoCommand
{
    public static Command Create()
    {
        var samples = new Option<DirectoryInfo?>("--samples") { Description = "Folder of sample submissions (default samples/submissions of this repository)" };
        var command = new Command("demo", "Build a fresh local mart from the samples, publish the extracts and say where to look") { samples };
        command.SetAction(async (result, cancellationToken) =>
        {
            var paths = CommonOptions.PathsFrom(result);
            var folder = result.GetValue(samples) ?? FindSamples();
            if (folder is null || !folder.Exists)
            {
                await Console.Error.WriteLineAsync("Cannot find the samples folder; pass --samples <dir>.");
                return ExitCodes.Usage;
            }

            // A demo starts from nothing, so that running it twice shows the same thing.
            foreach (var file in new[] { paths.Database, paths.Database + "-wal", paths.Database + "-shm" }.Where(File.Exists))
            {
                File.Delete(file);
            }

            if (Directory.Exists(paths.Extracts))
            {
                Directory.Delete(paths.Extracts, recursive: true);
            }

            await using var runner = await PipelineRunner.StartAsync(paths, result.GetValue(CommonOptions.Verbose), cancellationToken);
            var files = folder.EnumerateFiles()
                .Where(f => f.Extension.ToLowerInvariant() is ".xlsx" or ".xlsm" or ".xls" or ".csv")
                .OrderBy(f => f.Name, StringComparer.Ordinal)
                .ToList();
            var outcomes = new List<Pipeline.Submissions.SubmissionOutcome>();
            foreach (var file in files)
            {
                var outcome = await runner.IngestAsync(file.FullName, cancellationToken);
                OutcomePrinter.Print(Console.Out, outcome, paths.Reports, maxProblems: 5);
                outcomes.Add(outcome);
            }

            var refresh = await runner.RefreshAsync(cancellationToken);
            OutcomePrinter.Print(Console.Out, refresh, paths.Extracts);
            if (refresh.Status is not Publishing.RefreshStatus.Succeeded)
            {
                return OutcomePrinter.ExitCodeOf(refresh);
            }

            Console.WriteLine();
            Console.WriteLine($"Demo done: {files.Count} submissions, {outcomes.Sum(o => o.RowsAccepted)} arrangements loaded, {outcomes.Sum(o => o.RowsRejected + o.RowsHeld)} rows sent back with reasons.");
            Console.WriteLine($"  Mart:     {Path.GetFullPath(paths.Database)}");
            Console.WriteLine($"  Extracts: {Path.GetFullPath(paths.Extracts)}");
            Console.WriteLine($"  Reports:  {Path.GetFullPath(paths.Reports)}");
            Console.WriteLine($"  Workbook: {Path.GetFullPath(Path.Combine(paths.Extracts, Publishing.CompendiumWorkbook.FileName))}");
            Console.WriteLine($"  Map:      {Path.GetFullPath(Path.Combine(paths.Extracts, Publishing.ArrangementsGeoJson.FileName))}");
            var dashboard = new Uri(Path.GetFullPath(Path.Combine(paths.Extracts, Publishing.Dashboard.DashboardArtifact.FileName))).AbsoluteUri;
            Console.WriteLine($"  Dashboard: {dashboard}");
            Console.WriteLine($"  A council's view: open {dashboard}#council=E10000012 (Essex) and type any council's name in \"Find a council\",");
            Console.WriteLine("            or run: dotnet run --project cli -- council \"Essex CC\"   (add --json for the API's JSON)");
            return ExitCodes.Success;
        });
        return command;
    }

    private static DirectoryInfo? FindSamples()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = new DirectoryInfo(Path.Combine(dir.FullName, "samples", "submissions"));
            if (candidate.Exists)
            {
                return candidate;
            }
        }

        return null;
    }
}
