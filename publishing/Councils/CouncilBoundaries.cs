using System.Reflection;
using System.Text.Json;

namespace SharedServicesPipeline.Publishing.Councils;

/// <summary>
/// The council boundaries shipped with the product (<c>Councils/Data/council-boundaries.topo.json</c>: ONS boundaries,
/// OGL v3, trimmed to the council layers by <c>tools/boundaries/trim.sh</c>). Read once; the raw TopoJSON is also what
/// the dashboard inlines to draw the map.
/// </summary>
public sealed class CouncilBoundaries
{
    /// <summary>The attribution the Open Government Licence asks of every product that shows or ships the data.</summary>
    public const string Attribution = "Source: Office for National Statistics licensed under the Open Government Licence v.3.0. Contains OS data © Crown copyright and database right 2025";

    /// <summary>The years the boundary data covers (areas that ended earlier are not in it).</summary>
    public const int FirstYear = 2014;
    public const int LastYear = 2025;

    private static readonly Lazy<CouncilBoundaries> LazyBuiltIn = new(() => Parse(ReadEmbedded()));

    private readonly Dictionary<string, List<BoundaryArea>> _byCode;

    private CouncilBoundaries(string topoJson, IReadOnlyList<BoundaryArea> areas)
    {
        TopoJson = topoJson;
        Areas = areas;
        _byCode = areas.GroupBy(a => a.Code, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.OrdinalIgnoreCase);
    }

    public static CouncilBoundaries BuiltIn => LazyBuiltIn.Value;

    /// <summary>The TopoJSON as shipped.</summary>
    public string TopoJson { get; }

    /// <summary>Every area of the council layers; a unitary council is in both layers, with the same arcs.</summary>
    public IReadOnlyList<BoundaryArea> Areas { get; }

    /// <summary>The areas of a GSS code (one per layer it is in), or none when the data has no polygon for it.</summary>
    public IReadOnlyList<BoundaryArea> Of(string code) => _byCode.TryGetValue(code, out var areas) ? areas : [];

    public static CouncilBoundaries Parse(string topoJson)
    {
        using var document = JsonDocument.Parse(topoJson);
        var root = document.RootElement;
        var scale = root.GetProperty("transform").GetProperty("scale");
        var translate = root.GetProperty("transform").GetProperty("translate");
        var (kx, ky, dx, dy) = (scale[0].GetDouble(), scale[1].GetDouble(), translate[0].GetDouble(), translate[1].GetDouble());

        // Arcs are delta-encoded, quantised positions: decoded once into longitude/latitude for the centres.
        var arcs = new List<(double X, double Y)[]>();
        foreach (var arc in root.GetProperty("arcs").EnumerateArray())
        {
            var points = new (double, double)[arc.GetArrayLength()];
            long x = 0, y = 0;
            var i = 0;
            foreach (var position in arc.EnumerateArray())
            {
                x += position[0].GetInt64();
                y += position[1].GetInt64();
                points[i++] = (x * kx + dx, y * ky + dy);
            }

            arcs.Add(points);
        }

        var areas = new List<BoundaryArea>();
        foreach (var layer in root.GetProperty("objects").EnumerateObject())
        {
            foreach (var geometry in layer.Value.GetProperty("geometries").EnumerateArray())
            {
                var properties = geometry.GetProperty("properties");
                var polygons = geometry.GetProperty("type").GetString() switch
                {
                    "Polygon" => [geometry.GetProperty("arcs")],
                    "MultiPolygon" => geometry.GetProperty("arcs").EnumerateArray().ToList(),
                    _ => [],
                };
                var used = new SortedSet<int>();
                var centre = new CentroidSum();
                foreach (var polygon in polygons)
                {
                    var first = true;
                    foreach (var ring in polygon.EnumerateArray())
                    {
                        var indices = ring.EnumerateArray().Select(i => i.GetInt32()).ToList();
                        used.UnionWith(indices.Select(i => i < 0 ? ~i : i));
                        if (first)
                        {
                            centre.AddRing(RingPoints(arcs, indices));
                            first = false;
                        }
                    }
                }

                var (longitude, latitude) = centre.Centre();
                areas.Add(new BoundaryArea(
                    properties.GetProperty("areacd").GetString()!,
                    properties.TryGetProperty("areanm", out var name) ? name.GetString() ?? "" : "",
                    layer.Name,
                    Year(properties, "start"),
                    Year(properties, "end"),
                    used,
                    Math.Round(longitude, 4),
                    Math.Round(latitude, 4)));
            }
        }

        return new CouncilBoundaries(topoJson, areas);
    }

    private static int? Year(JsonElement properties, string name) =>
        properties.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;

    // A ring is its arcs in order, a negative index ~i meaning arc i reversed; each arc's first point repeats the last.
    private static List<(double X, double Y)> RingPoints(List<(double X, double Y)[]> arcs, List<int> indices)
    {
        var points = new List<(double X, double Y)>();
        foreach (var index in indices)
        {
            var arc = index < 0 ? arcs[~index].Reverse().ToArray() : arcs[index];
            points.AddRange(points.Count == 0 ? arc : arc.Skip(1));
        }

        return points;
    }

    private static string ReadEmbedded()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("SharedServicesPipeline.Councils.council-boundaries.topo.json")
            ?? throw new InvalidOperationException("The council boundaries are missing from the build (publishing/Councils/Data/council-boundaries.topo.json).");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Area-weighted centroid of outer rings (shoelace formula on longitude/latitude: fine at council scale).</summary>
    private sealed class CentroidSum
    {
        private double _area;
        private double _x;
        private double _y;
        private (double X, double Y) _fallback;

        public void AddRing(List<(double X, double Y)> ring)
        {
            if (ring.Count == 0)
            {
                return;
            }

            _fallback = ring[0];
            for (var i = 0; i < ring.Count - 1; i++)
            {
                var cross = ring[i].X * ring[i + 1].Y - ring[i + 1].X * ring[i].Y;
                _area += cross;
                _x += (ring[i].X + ring[i + 1].X) * cross;
                _y += (ring[i].Y + ring[i + 1].Y) * cross;
            }
        }

        public (double, double) Centre() => Math.Abs(_area) < 1e-12 ? _fallback : (_x / (3 * _area), _y / (3 * _area));
    }
}
