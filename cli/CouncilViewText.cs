using System.Globalization;
using SharedServicesPipeline.Publishing.Councils;

namespace SharedServicesPipeline.Cli;

/// <summary>A council view as text for a terminal: the same facts as the JSON, in the order an officer reads them.</summary>
internal static class CouncilViewText
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public static void Write(TextWriter output, CouncilView view, string dashboardPath)
    {
        output.WriteLine($"{view.Name} ({view.Code})");
        output.WriteLine($"  {view.Type.Replace('_', ' ')}, {view.Tier} tier, {view.Region ?? view.Nation}" +
            (view.ExistedFrom is { } from ? $", from {from.ToString("d MMMM yyyy", EnGb)}" : "") +
            (view.ExistedTo is { } to ? $" until {to.ToString("d MMMM yyyy", EnGb)}" : ""));
        if (view.Predecessors.Count > 0)
        {
            output.WriteLine($"  Predecessors: {Names(view.Predecessors)}");
        }

        if (view.Successors.Count > 0)
        {
            output.WriteLine($"  Successors: {Names(view.Successors)}");
        }

        output.WriteLine();
        output.WriteLine($"Arrangements: {view.CurrentArrangements.Count} current, {view.EndedArrangements.Count} ended; current annual savings {Money(view.Savings.CurrentAnnualGbp)}, savings to date {Money(view.Savings.ToDateGbp)}");
        foreach (var (label, list) in new[] { ("current", view.CurrentArrangements), ("ended", view.EndedArrangements) })
        {
            foreach (var a in list)
            {
                output.WriteLine($"  [{label}] {a.Title} — {a.ServiceArea}; with {Names(a.Partners.Where(p => p.Code != view.Code))}; {(a.AnnualSavingsGbp is { } s ? Money(s) + " a year" : "savings not reported")}");
            }
        }

        output.WriteLine();
        output.WriteLine("Neighbours:");
        foreach (var n in view.Neighbours)
        {
            output.WriteLine($"  {n.Rank,2}. {n.Name} ({n.Code}), {Km(n.DistanceKm)}: {n.Why}; shares {Areas(n.Shares)}");
        }

        output.WriteLine();
        output.WriteLine("Councils like it:");
        foreach (var p in view.Peers)
        {
            output.WriteLine($"  {p.Rank,2}. {p.Name} ({p.Code}): {p.Why}; shares {Areas(p.Shares)}");
        }

        output.WriteLine();
        output.WriteLine(view.Opportunities.Count == 0 ? "Opportunities: none (no service area is shared by a quarter of its neighbours and peers without it)." : "Opportunities:");
        foreach (var o in view.Opportunities)
        {
            output.WriteLine($"  {o.Rank,2}. {o.ServiceArea}: {o.PeersSharing} of {o.Comparators} comparators share it ({o.NeighboursSharing} neighbours){(o.SharedBefore ? "; shared before" : "")}");
            output.WriteLine($"      who: {Names(o.WhoShares)}");
            foreach (var e in o.Examples)
            {
                output.WriteLine($"      e.g. {e.Title} ({Names(e.Partners)}; {(e.AnnualSavingsGbp is { } s ? Money(s) + " a year" : "savings not reported")})");
            }
        }

        output.WriteLine();
        output.WriteLine($"On the map: {new Uri(dashboardPath).AbsoluteUri}#council={view.Code} (after ssp refresh)");
    }

    private static string Names(IEnumerable<CouncilRef> refs) => string.Join(", ", refs.Select(r => r.Name));

    private static string Areas(IReadOnlyList<string> areas) => areas.Count == 0 ? "nothing reported" : string.Join(", ", areas);

    private static string Money(decimal value) => "£" + value.ToString("#,0", CultureInfo.InvariantCulture);

    private static string Km(double? km) => km is { } d ? d.ToString("0.#", CultureInfo.InvariantCulture) + " km" : "distance unknown";
}
