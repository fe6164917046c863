using System.Globalization;

namespace SharedServicesPipeline.Publishing.Councils;

/// <summary>
/// "Councils like it", a deterministic ranking over what the register knows (no socio-economic data): among the councils
/// that existed at the same time as the council, those of the same authority type (and so the same tier and the same
/// functions) come first; then, if fewer than <see cref="Count"/>, those of the same tier level. Within each, councils
/// in the same English region (or nation) come before others, then nearer before farther (distance between centres),
/// then by code. The first <see cref="Count"/> are kept. Type first because councils of one type run the same services,
/// so what one shares the other could; region next because regions share labour markets, suppliers and programmes;
/// distance last as a tie-breaker that also favours partners near enough to share staff.
/// </summary>
public static class CouncilPeers
{
    public const int Count = 10;

    public static IReadOnlyList<CouncilPeer> Compute(IReadOnlyList<ComparedCouncil> councils)
    {
        var rows = new List<CouncilPeer>();
        foreach (var council in councils)
        {
            var ranked = councils
                .Where(c => c != council && c.Tier == council.Tier && c.Coexists(council))
                .Select(c => (Peer: c, SameType: c.Type == council.Type, SameRegion: c.Place == council.Place, Distance: council.DistanceKm(c)))
                .OrderBy(c => c.SameType ? 0 : 1)
                .ThenBy(c => c.SameRegion ? 0 : 1)
                .ThenBy(c => c.Distance ?? double.MaxValue)
                .ThenBy(c => c.Peer.Code, StringComparer.Ordinal)
                .Take(Count);
            var rank = 0;
            foreach (var (peer, sameType, sameRegion, distance) in ranked)
            {
                rows.Add(new CouncilPeer(council, peer, sameType, sameRegion, distance, ++rank, Why(council, peer, sameType, sameRegion, distance)));
            }
        }

        return rows;
    }

    private static string Why(ComparedCouncil council, ComparedCouncil peer, bool sameType, bool sameRegion, double? distance)
    {
        var kind = sameType ? $"same type ({council.Type.Replace('_', ' ')})" : $"same tier ({council.Tier}), type {peer.Type.Replace('_', ' ')}";
        var place = sameRegion ? $"same region ({council.Place})" : $"in {peer.Place}";
        return distance is { } km ? string.Create(CultureInfo.InvariantCulture, $"{kind}; {place}; {km:0.#} km apart") : $"{kind}; {place}";
    }
}
