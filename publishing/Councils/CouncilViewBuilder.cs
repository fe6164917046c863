using SharedServicesPipeline.Publishing;
using SharedServicesPipeline.Pipeline.Reference;

namespace SharedServicesPipeline.Publishing.Councils;

/// <summary>Builds a council's view from a run's tables and their comparison: the one builder behind the CLI and the API.</summary>
public static class CouncilViewBuilder
{
    /// <summary>The view of <paramref name="code"/>, or null when it is not a compared council.</summary>
    public static CouncilView? Build(IReadOnlyList<ExtractTable> tables, CouncilComparison comparison, AuthorityRegister register, string code, DateOnly asOf)
    {
        var council = comparison.Councils.FirstOrDefault(c => string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase));
        if (council is null)
        {
            return null;
        }

        var arrangements = ArrangementCatalogue.Of(tables).Arrangements;
        var byCouncil = arrangements
            .SelectMany(a => a.Partners.Select(p => (p.Code, Arrangement: a)))
            .ToLookup(x => x.Code, x => x.Arrangement, StringComparer.OrdinalIgnoreCase);
        var names = comparison.Councils.ToDictionary(c => c.Code, c => c.Name, StringComparer.OrdinalIgnoreCase);
        CouncilRef Ref(string c) => new(c, names.GetValueOrDefault(c) ?? register.Find(c)?.Name ?? c);
        IReadOnlyList<string> Shares(string c) =>
            [.. byCouncil[c].Where(a => !a.HasEndedBy(asOf)).Select(a => a.ServiceArea).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

        var mine = byCouncil[council.Code].DistinctBy(a => a.Key)
            .OrderByDescending(a => a.AnnualSavingsGbp ?? -1).ThenBy(a => a.Title, StringComparer.Ordinal).ToList();
        var current = mine.Where(a => !a.HasEndedBy(asOf)).ToList();
        var ended = mine.Where(a => a.HasEndedBy(asOf)).ToList();
        var authority = register.Find(council.Code);

        return new CouncilView(
            council.Code,
            council.Name,
            council.Type,
            council.Tier,
            council.Region,
            council.Nation,
            council.ExistedFrom,
            council.ExistedTo,
            council.HasPolygon,
            [.. register.Authorities.Where(a => a.SuccessorCodes.Contains(council.Code, StringComparer.OrdinalIgnoreCase)).Select(a => Ref(a.Code))],
            [.. (authority?.SuccessorCodes ?? []).Select(Ref)],
            new CouncilSavings(current.Sum(a => a.AnnualSavingsGbp ?? 0), mine.Sum(a => a.SavingsToDateGbp ?? 0)),
            [.. current.Select(Arrangement)],
            [.. ended.Select(Arrangement)],
            [.. comparison.Neighbours.Where(n => n.Council == council)
                .Select(n => new CouncilViewNeighbour(n.Neighbour.Code, n.Neighbour.Name, n.SharesBoundary, n.DistanceKm, n.Rank, n.Why, Shares(n.Neighbour.Code)))],
            [.. comparison.Peers.Where(p => p.Council == council)
                .Select(p => new CouncilViewPeer(p.Peer.Code, p.Peer.Name, p.SameType, p.SameRegion, p.DistanceKm, p.Rank, p.Why, Shares(p.Peer.Code)))],
            [.. comparison.Opportunities.Where(o => o.Council == council).Select(o => new CouncilViewOpportunity(
                o.Rank, o.ServiceArea, o.Category, o.Comparators, o.PeersSharing, o.NeighboursSharing, o.Share, o.SharedBefore,
                [.. o.WhoShares.Select(w => Ref(w.Code))], [.. o.Examples.Select(Arrangement)], o.ExampleAnnualSavings))],
            $"dashboard.html#council={council.Code}");
    }

    private static CouncilArrangement Arrangement(CatalogueArrangement a) => new(
        a.ArrangementId, a.Title, a.ServiceArea, a.Category, a.Status, a.StartDate, a.EndDate, a.AnnualSavingsGbp, a.SavingsToDateGbp,
        [.. a.Partners.Select(p => new CouncilRef(p.Code, p.Name))]);
}
