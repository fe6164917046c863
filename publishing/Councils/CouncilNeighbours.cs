namespace SharedServicesPipeline.Publishing.Councils;

/// <summary>
/// Each council's neighbours. Boundary neighbours: councils whose area shares an arc of the boundary topology with the
/// council's area in the same layer (districts and unitaries in <c>ltla</c>, counties and unitaries in <c>utla</c>, so a
/// district is not its own county's neighbour) and that were valid in a same year, nearest first. A council with none
/// (no polygon: abolished before 2014, Northern Ireland's 26 councils, a code the data lacks; or an island) gets its
/// <see cref="NearestCount"/> nearest councils of its own time and kind of tier instead, by distance between centres.
/// </summary>
public static class CouncilNeighbours
{
    /// <summary>How many nearest councils stand in for boundary neighbours where there are none.</summary>
    public const int NearestCount = 5;

    public static IReadOnlyList<CouncilNeighbour> Compute(IReadOnlyList<ComparedCouncil> councils)
    {
        var byCode = councils.ToDictionary(c => c.Code, StringComparer.OrdinalIgnoreCase);
        // Which areas use each arc, per layer: two areas sharing an arc share that piece of boundary.
        var arcUsers = new Dictionary<(string Layer, int Arc), List<(ComparedCouncil Council, BoundaryArea Area)>>();
        foreach (var council in councils)
        {
            foreach (var area in council.Areas)
            {
                foreach (var arc in area.Arcs)
                {
                    if (!arcUsers.TryGetValue((area.Layer, arc), out var users))
                    {
                        arcUsers[(area.Layer, arc)] = users = [];
                    }

                    users.Add((council, area));
                }
            }
        }

        var rows = new List<CouncilNeighbour>();
        foreach (var council in councils)
        {
            var touching = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var area in council.Areas)
            {
                foreach (var arc in area.Arcs)
                {
                    foreach (var (other, otherArea) in arcUsers[(area.Layer, arc)])
                    {
                        if (other != council && otherArea.Coexists(area) && other.Coexists(council))
                        {
                            touching.Add(other.Code);
                        }
                    }
                }
            }

            var rank = 0;
            if (touching.Count > 0)
            {
                foreach (var (neighbour, distance) in Nearest(council, touching.Select(c => byCode[c])))
                {
                    rows.Add(new CouncilNeighbour(council, neighbour, true, distance, ++rank, "shares a boundary"));
                }

                continue;
            }

            var why = council.HasPolygon
                ? "no council shares its boundary (an island): one of the " + NearestCount + " nearest councils of its time"
                : "no boundary in the data (abolished before 2014 or not in it): one of the " + NearestCount + " nearest councils of its time";
            var candidates = councils.Where(c => c != council && c.Coexists(council) && SameKindOfTier(council, c)
                && !string.Equals(c.ParentCode, council.Code, StringComparison.OrdinalIgnoreCase)
                && !string.Equals(council.ParentCode, c.Code, StringComparison.OrdinalIgnoreCase));
            foreach (var (neighbour, distance) in Nearest(council, candidates).Where(n => n.Distance is not null).Take(NearestCount))
            {
                rows.Add(new CouncilNeighbour(council, neighbour, false, distance, ++rank, why));
            }
        }

        return rows;
    }

    /// <summary>Candidates nearest first (those without a position last), ties by code: the same order every run.</summary>
    internal static IEnumerable<(ComparedCouncil Council, double? Distance)> Nearest(ComparedCouncil council, IEnumerable<ComparedCouncil> candidates) =>
        candidates.Select(c => (Council: c, Distance: council.DistanceKm(c)))
            .OrderBy(c => c.Distance ?? double.MaxValue)
            .ThenBy(c => c.Council.Code, StringComparer.Ordinal);

    // The layers' rule for councils without polygons: a district is compared with districts and single-tier councils,
    // a county with counties and single-tier councils, a single-tier council with any.
    private static bool SameKindOfTier(ComparedCouncil council, ComparedCouncil other) =>
        council.Tier == "single" || other.Tier == "single" || council.Tier == other.Tier;
}
