using System.Diagnostics;
using Xunit;
using Xunit.Abstractions;
using static SharedServicesPipeline.Tests.Reference.MatcherAssertions;

namespace SharedServicesPipeline.Tests.Reference;

public sealed class MatcherSpeedTests(ITestOutputHelper output)
{
    [Fact]
    public void Matching_300k_partner_names_takes_well_under_ten_seconds()
    {
        string[] names =
        [
            "Essex CC", "Braintree DC", "Essex Police", "LB Hackney", "Kensington & Chelsea RBC", "Cyngor Sir Ddinbych",
            "Taunton Deane BC", "Nottinghamshre", "Tri-borough", "Kingston", "Borsetshire County Council", "NHS Kent and Medway ICB",
        ];
        var dates = new[] { new DateOnly(2011, 4, 1), new DateOnly(2016, 4, 1), new DateOnly(2021, 4, 1) };
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 300_000; i++)
        {
            _ = Matcher.Match(names[i % names.Length], dates[i % dates.Length]);
        }

        watch.Stop();
        output.WriteLine($"300,000 matches in {watch.ElapsedMilliseconds} ms");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }

    [Fact]
    public void A_name_not_seen_before_takes_about_a_millisecond_even_when_the_typo_pass_runs()
    {
        // Distinct names that match nothing run every step, the typo pass included. The bound is loose because the
        // machine is shared (2 cores); on an idle machine this takes well under a second.
        var names = Enumerable.Range(0, 500).Select(i => $"Unknown Place {i} District Council").ToList();
        var watch = Stopwatch.StartNew();
        foreach (var name in names)
        {
            _ = Matcher.Match(name);
        }

        watch.Stop();
        output.WriteLine($"500 distinct unmatched names (full typo pass) in {watch.ElapsedMilliseconds} ms");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }
}
