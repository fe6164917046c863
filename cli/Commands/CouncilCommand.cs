using System.CommandLine;
using SharedServicesPipeline.Publishing.Councils;

namespace SharedServicesPipeline.Cli.Commands;

internal static class CouncilCommand
{
    public static Command Create()
    {
        var name = new Argument<string[]>("name") { Description = "The council's name as people write it (\"Essex CC\", \"LB Hackney\") or its GSS code", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "Print the view as JSON (as GET /api/councils/{code} returns it)" };
        var command = new Command("council", "A council's view from the local mart: its arrangements, neighbours, councils like it and opportunities (a name the matcher finds ambiguous is reported, not guessed)") { name, json };
        command.SetAction(async (result, cancellationToken) =>
        {
            var paths = CommonOptions.PathsFrom(result);
            var text = string.Join(' ', result.GetValue(name) ?? []);
            await using var runner = await PipelineRunner.StartAsync(paths, result.GetValue(CommonOptions.Verbose), cancellationToken);
            var found = runner.FindCouncil(text);
            if (!found.IsFound)
            {
                await Console.Error.WriteLineAsync(found.IsAmbiguous
                    ? $"'{text}' could mean any of these councils; run again with the code:\n" + string.Join('\n', found.Candidates.Select(c => $"  {c.Code}  {c.Name}"))
                    : $"No council is known by '{text}'. Try its official name or its GSS code (ssp normalise \"{text}\" shows what the matcher makes of it).");
                return ExitCodes.NotFound;
            }

            var view = await runner.CouncilViewAsync(found.Code!, cancellationToken);
            if (view is null)
            {
                await Console.Error.WriteLineAsync($"{found.Name} ({found.Code}) is not a council the comparison covers (a combined authority, or not in the mart's register).");
                return ExitCodes.NotFound;
            }

            if (result.GetValue(json))
            {
                await using var stdout = Console.OpenStandardOutput();
                await stdout.WriteAsync(CouncilViewJson.Serialize(view), cancellationToken);
                await stdout.WriteAsync("\n"u8.ToArray(), cancellationToken);
            }
            else
            {
                CouncilViewText.Write(Console.Out, view, Path.GetFullPath(Path.Combine(paths.Extracts, Publishing.Dashboard.DashboardArtifact.FileName)));
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
