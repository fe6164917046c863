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
    public void Distinct_names_are_matched_quickly_too()
    {
        var names = Enumerable.Range(0, 2_000).Select(i => $"Unknown Place {i} District Council").ToList();
        var watch = Stopwatch.StartNew();
        foreach (var name in names)
        {
            _ = Matcher.Match(name);
        }

        watch.Stop();
        output.WriteLine($"2,000 distinct unmatched names (full typo pass) in {watch.ElapsedMilliseconds} ms");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }
}
