using SharedServicesPipeline.DataMart.Quality;
using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.Mart;

/// <summary>A load writes its arrangements a slice at a time (to bound memory); the mart must not be able to tell.</summary>
public sealed class LoadSliceTests
{
    private static readonly string County = Path.Combine(RepositoryPaths.Samples, "county-return.csv");
    private static readonly string District = Path.Combine(RepositoryPaths.Samples, "messy-district-return.xlsx");
    private static readonly string Public = Path.Combine(RepositoryPaths.Samples, "lga-shared-services-2011.xlsx");

    [Theory]
    [InlineData("Mart:LoadSliceRows")] // the loader's chunks of a slice
    [InlineData("Intake:SliceRows")] // the slices handed over while the file is read
    public async Task A_load_in_slices_of_two_leaves_the_mart_exactly_as_one_slice_does(string setting)
    {
        await using var whole = await TestMart.CreateAsync();
        await using var sliced = await TestMart.CreateAsync(settings: new Dictionary<string, string?> { [setting] = "2" });

        foreach (var mart in new[] { whole, sliced })
        {
            foreach (var file in new[] { Public, District, County })
            {
                await mart.IngestAsync(file, new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero));
            }
        }

        var expected = await whole.QueryAsync(MartSnapshot.TakeAsync);
        Assert.Contains(expected, line => line.StartsWith("partner ", StringComparison.Ordinal));
        Assert.True(expected.Count(line => line.StartsWith("arrangement ", StringComparison.Ordinal)) > 40);
        Assert.Equal(expected, await sliced.QueryAsync(MartSnapshot.TakeAsync));
        Assert.Empty(await sliced.QueryAsync(db => MartDataTests.RunAsync(db, null, CancellationToken.None)));
    }
}
