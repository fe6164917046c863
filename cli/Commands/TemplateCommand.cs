using System.CommandLine;
using SharedServicesPipeline.Publishing;
using SharedServicesPipeline.Pipeline.Reference;

namespace SharedServicesPipeline.Cli.Commands;

internal static class TemplateCommand
{
    public static Command Create()
    {
        var command = new Command("template",
            $"Write the blank submission template (columns, guidance, drop-down lists, examples) to --out: a .xlsx file, or a folder to write {SubmissionTemplate.FileName} in (default: the current folder)");
        command.SetAction(async (result, cancellationToken) =>
        {
            // --out is every verb's output folder; here it may also name the file. Not given: the current folder.
            var given = result.GetResult(CommonOptions.Output) is { Implicit: false };
            var target = given ? result.GetValue(CommonOptions.Output)! : SubmissionTemplate.FileName;
            if (!target.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
            {
                target = Path.Combine(target, SubmissionTemplate.FileName);
            }

            var register = ReferenceOverrides.Load(CommonOptions.PathsFrom(result)).Register;
            var full = Path.GetFullPath(target);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            await File.WriteAllBytesAsync(full, SubmissionTemplate.Write(register, ServiceAreaTaxonomy.BuiltIn), cancellationToken);
            await Console.Out.WriteLineAsync($"Template {SubmissionTemplate.Version(ServiceAreaTaxonomy.BuiltIn)}: {full}");
            return ExitCodes.Success;
        });
        return command;
    }
}
