using System.Text.RegularExpressions;
using SharedServicesPipeline.Pipeline.Validation;
using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.Architecture;

/// <summary>
/// Data flows one way through the core's stages: reading knows nothing of validation (which reads what reading hands
/// it). A source file of pipeline/Reading that names a type of the Validation namespace would close a cycle.
/// </summary>
public sealed class StageDependencyTests
{
    [Fact]
    public void Reading_names_no_type_of_validation()
    {
        var validationTypes = typeof(ArrangementValidator).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(ArrangementValidator).Namespace && !t.IsNested)
            .Select(t => t.Name.Split('`')[0])
            .Distinct()
            .ToList();
        Assert.Contains("MoneyParser", validationTypes);
        var names = new Regex(@"\b(" + string.Join('|', validationTypes.Select(Regex.Escape)) + @")\b|Pipeline\.Validation", RegexOptions.CultureInvariant);
        var offenders = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "pipeline", "Reading"), "*.cs", SearchOption.AllDirectories)
            .SelectMany(file => File.ReadLines(file).Select((line, i) => (file, line, number: i + 1)))
            .Where(x => !x.line.TrimStart().StartsWith("//", StringComparison.Ordinal) && names.IsMatch(x.line))
            .Select(x => $"{Path.GetRelativePath(RepositoryPaths.Root, x.file)}:{x.number}: {x.line.Trim()}")
            .ToList();
        Assert.True(offenders.Count == 0, "Reading depends on validation:\n" + string.Join('\n', offenders));
    }
}
