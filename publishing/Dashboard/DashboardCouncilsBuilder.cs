using SharedServicesPipeline.Publishing.Councils;
using SharedServicesPipeline.Pipeline.Reference;

namespace SharedServicesPipeline.Publishing.Dashboard;

/// <summary>Builds the council view's data from the run's tables (the council tables among them), the boundaries and the register.</summary>
public static class DashboardCouncilsBuilder
{
    public static DashboardCouncils Build(IReadOnlyList<ExtractTable> tables, CouncilBoundaries boundaries, AuthorityRegister register, IEnumerable<AuthorityAlias> aliases)
    {
        var comparison = CouncilComparisonRows.Read(tables, boundaries);
        var councils = comparison.Councils;
        var keys = CouncilSearchVocabulary.KeysByCode(register, aliases);
        var predecessors = register.Authorities
            .SelectMany(a => a.SuccessorCodes.Select(s => (Successor: s, Predecessor: a.Code)))
            .ToLookup(p => p.Successor, p => p.Predecessor, StringComparer.OrdinalIgnoreCase);
        var names = councils.Select(c => c.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var neighbours = comparison.Neighbours.ToLookup(n => n.Council.Code, n => new DashboardNeighbour(
            n.Neighbour.Code, n.SharesBoundary, n.DistanceKm, n.Why), StringComparer.OrdinalIgnoreCase);
        var peers = comparison.Peers.ToLookup(p => p.Council.Code, p => new DashboardPeer(p.Peer.Code, p.DistanceKm, p.Why), StringComparer.OrdinalIgnoreCase);
        var opportunities = comparison.Opportunities.ToLookup(o => o.Council.Code, o => new DashboardOpportunity(
            o.ServiceArea,
            o.Category,
            o.Comparators,
            o.PeersSharing,
            o.NeighboursSharing,
            o.SharedBefore,
            [.. o.WhoShares.Select(c => c.Code)],
            [.. o.Examples.Select(a => a.Key)],
            o.ExampleAnnualSavings), StringComparer.OrdinalIgnoreCase);

        var rows = councils.Select(c =>
        {
            var authority = register.Find(c.Code);
            return new DashboardCouncil(
                c.Code,
                c.Name,
                c.Type,
                c.Tier,
                c.Place,
                c.ExistedFrom,
                c.ExistedTo,
                c.Longitude is { } lon ? Math.Round(lon, 4) : null,
                c.Latitude is { } lat ? Math.Round(lat, 4) : null,
                c.HasPolygon,
                authority is null ? 0 : CouncilSearchVocabulary.StylesOf(authority),
                keys.GetValueOrDefault(c.Code) ?? [],
                [.. predecessors[c.Code].Where(names.Contains).Order(StringComparer.Ordinal)],
                [.. (authority?.SuccessorCodes ?? []).Where(names.Contains)],
                [.. neighbours[c.Code]],
                [.. peers[c.Code]],
                [.. opportunities[c.Code]]);
        }).ToList();

        var finder = new DashboardFinder(
            CouncilSearchVocabulary.Expansions,
            CouncilSearchVocabulary.CompassExpansions,
            [.. CouncilSearchVocabulary.Suffixes.Select(s => new DashboardAffix(s.Words, s.Styles))],
            [.. CouncilSearchVocabulary.Prefixes.Select(s => new DashboardAffix(s.Words, s.Styles))],
            CouncilSearchVocabulary.NeverACore);
        return new DashboardCouncils(rows, finder, [.. Enumerable.Range(CouncilBoundaries.FirstYear, CouncilBoundaries.LastYear - CouncilBoundaries.FirstYear + 1)], CouncilBoundaries.Attribution);
    }
}
