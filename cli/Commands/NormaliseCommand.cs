using System.CommandLine;
using System.Globalization;
using CsvHelper;
using SharedServicesPipeline.Pipeline.Reference;

namespace SharedServicesPipeline.Cli.Commands;

internal static class NormaliseCommand
{
    public static Command Create()
    {
        var names = new Argument<string[]>("names") { Description = "Partner names to resolve", Arity = ArgumentArity.ZeroOrMore };
        var file = new Option<FileInfo?>("--file") { Description = "A file of names, one per line ('-' for standard input)" };
        var asOf = new Option<DateOnly?>("--as-of") { Description = "Resolve as of this date (yyyy-mm-dd), e.g. an arrangement's start" };
        var command = new Command("normalise", "Resolve partner names to authorities; prints CSV: input,status,authority_code,authority_name,sector,confidence") { names, file, asOf };
        command.Aliases.Add("normalize");
        command.SetAction(async (result, cancellationToken) =>
        {
            var inputs = new List<string>(result.GetValue(names) ?? []);
            if (result.GetValue(file) is { } f)
            {
                var lines = f.Name == "-" ? (await Console.In.ReadToEndAsync(cancellationToken)).Split('\n') : await File.ReadAllLinesAsync(f.FullName, cancellationToken);
                inputs.AddRange(lines.Select(l => l.Trim()).Where(l => l.Length > 0));
            }

            if (inputs.Count == 0)
            {
                await Console.Error.WriteLineAsync("Give names as arguments or with --file.");
                return ExitCodes.Usage;
            }

            var matcher = ReferenceOverrides.Load(CommonOptions.PathsFrom(result));
            await using var csv = new CsvWriter(Console.Out, CultureInfo.InvariantCulture, leaveOpen: true);
            foreach (var header in new[] { "input", "status", "authority_code", "authority_name", "sector", "confidence" })
            {
                csv.WriteField(header);
            }

            await csv.NextRecordAsync();
            foreach (var input in inputs)
            {
                var match = matcher.Match(input, result.GetValue(asOf));
                IReadOnlyList<Authority?> authorities = match.Authorities.Count > 0 ? [.. match.Authorities] : [null];
                foreach (var authority in authorities)
                {
                    csv.WriteField(input);
                    csv.WriteField(match.Status.ToString().ToLowerInvariant());
                    csv.WriteField(authority?.Code ?? "");
                    csv.WriteField(authority?.Name ?? (match.Status == MatchStatus.Ambiguous ? string.Join(" | ", match.Candidates.Select(c => c.Authority.Name)) : ""));
                    csv.WriteField(authority is null ? "" : authority.Sector.ToString().ToLowerInvariant());
                    csv.WriteField(match.Confidence.ToString("0.00", CultureInfo.InvariantCulture));
                    await csv.NextRecordAsync();
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
