using System.Buffers;
using SharedServicesPipeline.Pipeline.Reference;

namespace SharedServicesPipeline.Pipeline.Validation;

/// <summary>
/// The matcher as one submission's validator calls it, charging the submission's <see cref="WorkBudget"/> before each
/// call does its work. The matcher works a name out once per way of cutting it at its separators (',', '/', '+', '&amp;',
/// "and"): a partners cell's line of p pieces is looked up p(p+1)/2 times, for up to 13 pieces, to find where the
/// partners' names end; a name of 2 to 8 pieces as often again, to see whether it is a list of councils. So a cell is
/// charged for each lookup its separators allow (<see cref="WorkCost.DistinctName"/>) and each character those lookups read
/// (<see cref="WorkCost.NameChar"/>), the names it splits into by their number (<see cref="WorkCost.PartnerName"/>), and a
/// name this submission has not named before the same way. The matcher is shared by every submission and knows nothing
/// of budgets; its memo makes a name seen before cheap, which the charge does not count on.
/// </summary>
internal sealed class ChargedMatcher(IAuthorityMatcher inner, WorkBudget work) : IAuthorityMatcher
{
    // As the splitter: at most 12 separators a line are cut at; a list of councils has at most 8 parts.
    private const int MostSplitPieces = 13;
    private const int MostListParts = 8;

    // The characters that always end a line of a partners cell (the splitter knows a few bullets more: without them a line
    // is only longer, and charged more), and those a line is cut at where the register agrees, "and" aside.
    private static readonly SearchValues<char> Lines = SearchValues.Create(";\n\r|");
    private static readonly SearchValues<char> Soft = SearchValues.Create(",/+&");

    // Hashes, not the names: what a submission of millions of distinct names holds here is 8 bytes a name, not its text.
    // Two names of one hash would be charged once; the hash is seeded per process, so no file can aim for that.
    private readonly HashSet<long> _named = [];

    // The lines of partners cells already charged: the matcher remembers each way it cut them, so a cell repeated on every
    // row (one shared string) costs its lookups once.
    private readonly HashSet<long> _lines = [];

    public AuthorityRegister Register => inner.Register;

    public MatchResult Match(string name, DateOnly? asOf = null)
    {
        name ??= "";
        if (_named.Add(Hash(name.AsSpan())))
        {
            var pieces = Pieces(name.AsSpan());
            var lookups = 1 + (pieces is >= 2 and <= MostListParts ? Cuts(pieces) : 0);
            work.ChargeMatching(lookups, (long)lookups * name.Length, distinctName: true);
        }

        return inner.Match(name, asOf);
    }

    public IReadOnlyList<string> SplitPartners(string cell)
    {
        // Line by line, as the splitter cuts: a line of one piece is a name as it stands.
        long lookups = 0, chars = 0;
        var rest = cell.AsSpan();
        while (rest.Length > 0)
        {
            var end = rest.IndexOfAny(Lines);
            var line = end < 0 ? rest : rest[..end];
            var pieces = Math.Min(Pieces(line), MostSplitPieces);
            if (pieces >= 2 && _lines.Add(Hash(line)))
            {
                lookups += Cuts(pieces);
                chars += Cuts(pieces) * (long)line.Length;
            }

            rest = end < 0 ? [] : rest[(end + 1)..];
        }

        work.ChargeMatching(lookups, chars, distinctName: false);
        var names = inner.SplitPartners(cell);
        work.ChargePartners(names.Count);
        return names;
    }

    /// <summary>An upper bound on the pieces the matcher cuts <paramref name="text"/> into: one more than its separators.</summary>
    internal static int Pieces(ReadOnlySpan<char> text)
    {
        var pieces = 1;
        for (var rest = text; rest.IndexOfAny(Soft) is var at && at >= 0; rest = rest[(at + 1)..])
        {
            pieces++;
        }

        // "and" between spaces (the splitter's \s+and\s+).
        for (var at = text.IndexOf("and", StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf("and", StringComparison.OrdinalIgnoreCase))
        {
            pieces += at > 0 && at + 3 < text.Length && char.IsWhiteSpace(text[at - 1]) && char.IsWhiteSpace(text[at + 3]) ? 1 : 0;
            text = text[(at + 3)..];
        }

        return pieces;
    }

    // Every run of whole pieces: p(p+1)/2.
    private static int Cuts(int pieces) => pieces * (pieces + 1) / 2;

    private static long Hash(ReadOnlySpan<char> text) =>
        ((long)string.GetHashCode(text) << 32) | (uint)string.GetHashCode(text, StringComparison.OrdinalIgnoreCase);
}
