using System.Text.Json.Nodes;
using SharedServicesPipeline.Publishing.Councils;
using SharedServicesPipeline.Pipeline.Reference;
using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.Councils;

/// <summary>
/// Boundary neighbours checked against an independent reading of the shipped TopoJSON (here, with JsonNode: areas of a
/// layer that use a same arc index and were valid in a same year), and against geography everyone knows.
/// </summary>
public sealed class CouncilNeighbourTests : IClassFixture<ComparedMart>
{
    private readonly ComparedMart _mart;

    public CouncilNeighbourTests(ComparedMart mart) => _mart = mart;

    [Theory]
    [InlineData("E07000008")] // Cambridge, a district inside one other
    [InlineData("E10000012")] // Essex, a county (utla only)
    [InlineData("E10000016")] // Kent
    [InlineData("E09000012")] // Hackney, a London borough (both layers)
    [InlineData("E06000052")] // Cornwall, a unitary bordering a county and two districts
    [InlineData("E06000066")] // Somerset Council (2023), whose districts it replaced are not its neighbours
    [InlineData("E07000246")] // Somerset West and Taunton (2019-2023)
    [InlineData("W06000023")] // Powys, bordering English districts and Welsh councils
    [InlineData("S12000017")] // Highland
    public void Boundary_neighbours_are_the_councils_whose_areas_share_an_arc_in_a_same_layer_and_year(string code)
    {
        var expected = IndependentBoundaryNeighbours(code);
        var actual = _mart.Comparison.Neighbours.Where(n => n.Council.Code == code && n.SharesBoundary).Select(n => n.Neighbour.Code).Order().ToList();

        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Cambridge_has_one_boundary_neighbour_South_Cambridgeshire_which_surrounds_it()
    {
        var cambridge = _mart.Comparison.Neighbours.Where(n => n.Council.Code == "E07000008").ToList();

        var only = Assert.Single(cambridge);
        Assert.Equal("E07000012", only.Neighbour.Code);
        Assert.True(only.SharesBoundary);
        Assert.Equal(1, only.Rank);
        Assert.Equal("shares a boundary", only.Why);
    }

    [Fact]
    public void A_council_is_not_the_neighbour_of_its_own_county_nor_of_councils_that_never_coexisted_with_it()
    {
        var kent = _mart.Comparison.Neighbours.Where(n => n.Council.Code == "E10000016").Select(n => n.Neighbour.Code).ToList();
        var somerset = _mart.Comparison.Neighbours.Where(n => n.Council.Code == "E06000066").Select(n => n.Neighbour.Code).ToList();

        Assert.DoesNotContain("E07000105", kent); // Ashford, one of Kent's districts
        Assert.Contains("E10000011", kent); // East Sussex
        Assert.Contains("E06000035", kent); // Medway
        Assert.DoesNotContain("E07000246", somerset); // Somerset West and Taunton, abolished when Somerset Council began
        Assert.Contains("E10000008", somerset); // Devon
    }

    [Fact]
    public void An_island_and_a_council_without_a_polygon_get_their_five_nearest_councils_of_their_time_instead()
    {
        var wight = _mart.Comparison.Neighbours.Where(n => n.Council.Code == "E06000046").ToList();
        var register = AuthorityRegister.BuiltIn;
        var withoutPolygon = _mart.Comparison.Councils.First(c => !c.HasPolygon && c.Code.StartsWith("95", StringComparison.Ordinal)); // an NI council before 2015
        var itsNeighbours = _mart.Comparison.Neighbours.Where(n => n.Council.Code == withoutPolygon.Code).ToList();

        Assert.Equal(CouncilNeighbours.NearestCount, wight.Count);
        Assert.All(wight, n => Assert.False(n.SharesBoundary));
        Assert.Equal(wight.OrderBy(n => n.DistanceKm).Select(n => n.Neighbour.Code), wight.Select(n => n.Neighbour.Code));
        Assert.Contains(wight, n => n.Neighbour.Code is "E06000044" or "E06000045"); // Portsmouth or Southampton across the Solent
        Assert.Equal(CouncilNeighbours.NearestCount, itsNeighbours.Count);
        Assert.All(itsNeighbours, n =>
        {
            Assert.False(n.SharesBoundary);
            Assert.Contains("no boundary in the data", n.Why, StringComparison.Ordinal);
            Assert.True(register.Find(n.Neighbour.Code)!.ValidTo is null or { Year: <= 2015 }, $"{n.Neighbour.Name} did not exist with {withoutPolygon.Name}");
        });
    }

    [Fact]
    public void Neighbours_are_ranked_nearest_first_and_sharing_a_boundary_is_symmetric()
    {
        var rows = _mart.Comparison.Neighbours;
        var pairs = rows.Where(n => n.SharesBoundary).Select(n => (n.Council.Code, n.Neighbour.Code)).ToHashSet();

        Assert.All(rows.GroupBy(n => n.Council.Code), g =>
        {
            Assert.Equal(Enumerable.Range(1, g.Count()), g.Select(n => n.Rank));
            Assert.Equal(g.OrderBy(n => n.SharesBoundary ? 0 : 1).ThenBy(n => n.DistanceKm ?? double.MaxValue).Select(n => n.Neighbour.Code), g.Select(n => n.Neighbour.Code));
        });
        Assert.All(pairs, p => Assert.Contains((p.Item2, p.Item1), pairs));
        Assert.True(pairs.Count > 1500, $"only {pairs.Count} boundary pairs");
    }

    private List<string> IndependentBoundaryNeighbours(string code)
    {
        var topology = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "publishing", "Councils", "Data", "council-boundaries.topo.json")))!;
        var register = AuthorityRegister.BuiltIn;
        var self = register.Find(code)!;
        var result = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var layer in new[] { "ltla", "utla" })
        {
            var geometries = topology["objects"]![layer]!["geometries"]!.AsArray().Select(g => (
                Code: (string)g!["properties"]!["areacd"]!,
                Start: (int?)g["properties"]!["start"] ?? 0,
                End: (int?)g["properties"]!["end"] ?? 9999,
                Arcs: Flatten(g["arcs"]!).Select(i => i < 0 ? -i - 1 : i).ToHashSet())).ToList();
            foreach (var own in geometries.Where(g => g.Code == code))
            {
                foreach (var other in geometries.Where(g => g.Code != code && g.Start < own.End && own.Start < g.End && g.Arcs.Overlaps(own.Arcs)))
                {
                    if (register.Find(other.Code) is { IsCouncil: true, Tier: not TierLevel.Other } council
                        && (council.ValidFrom ?? DateOnly.MinValue) <= (self.ValidTo ?? DateOnly.MaxValue)
                        && (self.ValidFrom ?? DateOnly.MinValue) <= (council.ValidTo ?? DateOnly.MaxValue))
                    {
                        result.Add(other.Code);
                    }
                }
            }
        }

        return [.. result];
    }

    private static IEnumerable<int> Flatten(JsonNode node) =>
        node is JsonArray array ? array.SelectMany(n => Flatten(n!)) : [(int)node];
}
