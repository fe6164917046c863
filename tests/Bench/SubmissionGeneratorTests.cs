using SharedServicesPipeline.Bench.Generation;
using SharedServicesPipeline.Pipeline.Reference;

namespace SharedServicesPipeline.Tests.Bench;

/// <summary>The bench's generated submissions: deterministic, in the template, partners from the register.</summary>
public sealed class SubmissionGeneratorTests
{
    private static readonly IReadOnlyList<Authority> Register = AuthorityRegister.WithOverrides(new StringReader(BenchRegister.Csv)).Authorities;

    private static readonly char[] Separators = [';', '\n'];

    [Fact]
    public void The_same_seed_writes_the_same_bytes_and_another_seed_does_not()
    {
        Assert.Equal(Generate(7, 40), Generate(7, 40));
        Assert.NotEqual(Generate(7, 40), Generate(8, 40));
    }

    [Fact]
    public void Every_template_column_is_filled_and_partners_number_two_to_six()
    {
        var (_, rows) = SheetRows.Read(Generate(11, 60));

        Assert.Equal(SubmissionGenerator.TemplateHeader, rows[0].Select(v => v?.ToString()));
        Assert.Equal(61, rows.Count);
        foreach (var row in rows.Skip(1))
        {
            Assert.Equal(SubmissionGenerator.TemplateHeader.Length, row.Length);
            Assert.All(row, v => Assert.False(v is null || (v is string s && s.Length == 0)));
            var partners = row[2]!.ToString()!.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
            Assert.InRange(partners.Length, 2, 6);
        }
    }

    [Fact]
    public void Messy_spellings_stay_recognisable_and_official_names_are_used_when_there_is_no_mess()
    {
        var essex = Register.Single(a => a.Code == "E10000012");
        var hackney = Register.Single(a => a.Code == "E09000012");
        var random = new Random(3);

        var messy = Enumerable.Range(0, 50).Select(_ => MessySpelling.Messy(essex, random)).ToList();
        Assert.Contains("Essex CC", messy);
        Assert.All(messy, m => Assert.Contains("Es", m, StringComparison.Ordinal));
        Assert.Contains("LB Hackney", Enumerable.Range(0, 50).Select(_ => MessySpelling.Messy(hackney, random)));
        Assert.Equal("Hackney", MessySpelling.ShortName(hackney with { ShortName = null }));

        var (_, rows) = SheetRows.Read(Generate(5, 30, messyShare: 0));
        var names = Register.Select(a => a.Name).ToHashSet();
        foreach (var row in rows.Skip(1))
        {
            Assert.All(row[2]!.ToString()!.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), n => Assert.Contains(n, names));
        }
    }

    private static byte[] Generate(int seed, int rows, double messyShare = 0.35)
    {
        using var stream = new MemoryStream();
        new SubmissionGenerator(Register, seed, messyShare).WriteXlsx(stream, rows);
        return stream.ToArray();
    }
}
