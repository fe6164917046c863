using System.Globalization;
using System.Text.Json;
using SharedServicesPipeline.Publishing;
using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.Extracts;

public sealed class ArrangementsGeoJsonTests
{
    [Fact]
    public async Task GeoJson_has_a_point_per_located_authority_and_lines_between_each_arrangements_partners()
    {
        await using var mart = await TestMart.CreateAsync();
        await mart.QueryAsync(ExtractsMartSeed.SeedAsync);
        await mart.RefreshAsync();
        var run = PublishedRun.Latest(mart.ExtractsPath);

        using var geojson = JsonDocument.Parse(await File.ReadAllBytesAsync(run.PathOf(ArrangementsGeoJson.FileName)));
        var root = geojson.RootElement;
        Assert.Equal("FeatureCollection", root.GetProperty("type").GetString());
        Assert.Equal(run.Manifest.RunId, root.GetProperty("run_id").GetString());
        var features = root.GetProperty("features").EnumerateArray().ToList();
        Assert.All(features, f => Assert.Equal("Feature", f.GetProperty("type").GetString()));

        // Points: every current authority with coordinates, and the abolished Northamptonshire that LGSS still names.
        var authorities = ExtractCsv.Read(run.PathOf("dim_authority.csv"));
        var partnerKeys = ExtractCsv.Read(run.PathOf("bridge_arrangement_partner.csv")).Select(b => b["authority_key"]).ToHashSet();
        var expectedPoints = authorities
            .Where(a => a["latitude"].Length > 0 && int.Parse(a["authority_key"], CultureInfo.InvariantCulture) > 0 && (a["is_current"] == "true" || partnerKeys.Contains(a["authority_key"])))
            .ToDictionary(a => "authority-" + a["authority_key"]);
        var points = features.Where(f => f.GetProperty("geometry").GetProperty("type").GetString() == "Point").ToList();
        Assert.Equal(expectedPoints.Keys.Order(), points.Select(p => p.GetProperty("id").GetString()!).Order());
        Assert.Contains(points, p => p.GetProperty("properties").GetProperty("name").GetString() == "Northamptonshire County Council");
        Assert.DoesNotContain(points, p => p.GetProperty("properties").GetProperty("name").GetString() == "National Shared Services Body");
        foreach (var point in points)
        {
            var csv = expectedPoints[point.GetProperty("id").GetString()!];
            var position = point.GetProperty("geometry").GetProperty("coordinates").EnumerateArray().Select(c => c.GetDouble()).ToList();
            Assert.Equal([Math.Round(double.Parse(csv["longitude"], CultureInfo.InvariantCulture), 5), Math.Round(double.Parse(csv["latitude"], CultureInfo.InvariantCulture), 5)], position);
            Assert.Equal(csv["authority_code"], point.GetProperty("properties").GetProperty("authority_code").GetString());
        }

        var breckland = points.Single(p => p.GetProperty("properties").GetProperty("authority_code").GetString() == "E07000143");
        Assert.Equal(3, breckland.GetProperty("properties").GetProperty("arrangement_count").GetInt32());

        // Lines: one per arrangement with two or more located partners, from the lead to each other partner.
        // Coordinates as dim_authority has them (the seed's, or the register's where it knows the council).
        List<double> Position(string code) => authorities.Where(a => a["authority_code"] == code).Select(a => new List<double>
        {
            Math.Round(double.Parse(a["longitude"], CultureInfo.InvariantCulture), 5),
            Math.Round(double.Parse(a["latitude"], CultureInfo.InvariantCulture), 5),
        }).Last();

        var lines = features.Where(f => f.GetProperty("properties").GetProperty("kind").GetString() == "arrangement").ToDictionary(f => f.GetProperty("properties").GetProperty("reference").GetString()!);
        Assert.Equal(["SEED-1", "SEED-2", "SEED-3", "SEED-4", "SEED-5"], lines.Keys.Order());

        var chiefExec = lines["SEED-1"];
        Assert.Equal("LineString", chiefExec.GetProperty("geometry").GetProperty("type").GetString());
        Assert.Equal([Position("E07000143"), Position("E07000140")], Coordinates(chiefExec.GetProperty("geometry").GetProperty("coordinates")));
        Assert.Equal(500_000m, chiefExec.GetProperty("properties").GetProperty("annual_savings_gbp").GetDecimal());
        Assert.Equal("Management", chiefExec.GetProperty("properties").GetProperty("category").GetString());

        var legal = lines["SEED-3"];
        Assert.Equal("MultiLineString", legal.GetProperty("geometry").GetProperty("type").GetString());
        var segments = legal.GetProperty("geometry").GetProperty("coordinates").EnumerateArray().Select(Coordinates).ToList();
        Assert.Equal(2, segments.Count);
        Assert.All(segments, s => Assert.Equal(Position("E07000079"), s[0])); // from Cotswold, the lead
        Assert.Equal(new[] { Position("E07000181"), Position("E06000054") }.OrderBy(p => p[0]), segments.Select(s => s[1]).OrderBy(p => p[0]));
        Assert.Equal(ExtractsMartSeed.MaliciousTitle, legal.GetProperty("properties").GetProperty("title").GetString());
        Assert.Equal(123_456.78m, legal.GetProperty("properties").GetProperty("annual_savings_gbp").GetDecimal());
        Assert.Equal(JsonValueKind.Null, lines["SEED-4"].GetProperty("properties").GetProperty("annual_savings_gbp").ValueKind);
        Assert.True(lines["SEED-4"].GetProperty("properties").GetProperty("is_cross_sector").GetBoolean());
    }

    private static List<List<double>> Coordinates(JsonElement positions) =>
        [.. positions.EnumerateArray().Select(p => p.EnumerateArray().Select(c => c.GetDouble()).ToList())];
}
