using System.Globalization;
using System.Text;
using Xunit.Abstractions;

namespace SharedServicesPipeline.Tests.RealWorld;

/// <summary>Each real-world file is read as a careful person would read it: every row loaded or sent back for the right reason, every value right.</summary>
public sealed class RealWorldCorpusTests(ITestOutputHelper output)
{
    public static TheoryData<string> Corpus => new(RealWorldCorpus.All.Select(c => c.Name));

    [Fact]
    public void The_corpus_has_at_least_25_files_with_distinct_names_and_every_committed_file_is_used()
    {
        Assert.True(RealWorldCorpus.All.Count >= 25, $"{RealWorldCorpus.All.Count} files");
        Assert.Equal(RealWorldCorpus.All.Count, RealWorldCorpus.All.Select(c => c.Name).Distinct().Count());
        var committed = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "TestData", "realworld"))
            .Select(Path.GetFileName).Where(n => n is not null && !n.EndsWith(".md", StringComparison.Ordinal) && !n.EndsWith(".py", StringComparison.Ordinal));
        Assert.All(committed, name => Assert.Contains(RealWorldCorpus.All, c => c.Name == name));
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task A_real_world_file_is_read_as_a_careful_person_would_read_it(string name)
    {
        var score = await CaseScore.RunAsync(RealWorldCorpus.Named(name));

        Assert.True(score.FullyRight, $"{name}:\n  {string.Join("\n  ", score.Misses)}");
    }

    /// <summary>Prints the corpus's figures (files fully right, rows right, values right, warnings given), as the README records them.</summary>
    [Fact]
    public async Task The_corpus_scorecard_is_printed_and_every_file_is_fully_right()
    {
        var scores = new List<CaseScore>();
        foreach (var corpusCase in RealWorldCorpus.All)
        {
            scores.Add(await CaseScore.RunAsync(corpusCase));
        }

        var text = new StringBuilder();
        foreach (var (label, batch) in new[] { ("all", scores), ("first batch", scores.Take(RealWorldCorpus.FirstBatch.Count).ToList()), ("holdout", scores.Skip(RealWorldCorpus.FirstBatch.Count).Take(RealWorldCorpus.Holdout.Count).ToList()),
            ("round two", scores.Skip(RealWorldCorpus.FirstBatch.Count + RealWorldCorpus.Holdout.Count).ToList()) })
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{label}: files fully right {batch.Count(s => s.FullyRight)}/{batch.Count}; "
                + $"rows right {batch.Sum(s => s.RowsRight)}/{batch.Sum(s => s.RowsTotal)}; "
                + $"values right {batch.Sum(s => s.ValuesRight)}/{batch.Sum(s => s.ValuesTotal)}; "
                + $"warnings given {batch.Sum(s => s.WarningsRight)}/{batch.Sum(s => s.WarningsTotal)}");
        }

        foreach (var s in scores)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {s.Name} | {(s.FullyRight ? "yes" : "no")} | {s.RowsRight}/{s.RowsTotal} | {s.ValuesRight}/{s.ValuesTotal} | {s.WarningsRight}/{s.WarningsTotal} |");
        }

        foreach (var s in scores.Where(s => !s.FullyRight))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{s.Name}:");
            foreach (var miss in s.Misses)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  {miss}");
            }
        }

        output.WriteLine(text.ToString());
        if (Environment.GetEnvironmentVariable("REALWORLD_SCORECARD") is { Length: > 0 } path)
        {
            await File.WriteAllTextAsync(path, text.ToString());
        }

        Assert.All(scores, s => Assert.True(s.FullyRight, s.Name));
    }
}
