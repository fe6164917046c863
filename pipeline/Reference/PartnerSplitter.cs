using System.Text.RegularExpressions;

namespace SharedServicesPipeline.Pipeline.Reference;

/// <summary>
/// Splits a partners cell into partner names. ';' and line breaks always separate. ',', '/', '+', '&amp;' and "and" separate only
/// where the register agrees: of all the ways to cut the cell there, the one chosen leaves the fewest words in unrecognised parts,
/// then has the fewest parts, so "Bath and North East Somerset", "Brighton &amp; Hove" and "Armagh City, Banbridge and Craigavon"
/// stay whole while "Essex CC, Braintree DC and Essex Police" becomes three names.
/// </summary>
internal sealed partial class PartnerSplitter(Func<string, bool> isRecognised)
{
    private const int MaxSeparators = 12;

    public IReadOnlyList<string> Split(string? cell)
    {
        if (string.IsNullOrWhiteSpace(cell))
        {
            return [];
        }

        var names = new List<string>();
        foreach (var chunk in cell.Split([';', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            names.AddRange(SplitChunk(chunk));
        }

        return [.. names.Select(Clean).Where(n => n.Length > 0)];
    }

    /// <summary>The spans of <paramref name="text"/> between soft separators (',', '/', '+', '&amp;', "and").</summary>
    public static IReadOnlyList<(int Start, int End)> Pieces(string text)
    {
        var pieces = new List<(int, int)>();
        var start = 0;
        foreach (Match separator in SoftSeparator().Matches(text).Cast<Match>().Take(MaxSeparators))
        {
            pieces.Add((start, separator.Index));
            start = separator.Index + separator.Length;
        }

        pieces.Add((start, text.Length));
        return pieces;
    }

    /// <summary>The text of pieces [start, end) with the separators between them, cleaned.</summary>
    public static string Join(string text, IReadOnlyList<(int Start, int End)> pieces, int start, int end) =>
        Clean(text[pieces[start].Start..pieces[end - 1].End]);

    private IEnumerable<string> SplitChunk(string chunk)
    {
        var pieces = Pieces(chunk);
        if (pieces.Count == 1)
        {
            return [chunk];
        }

        // best[i] = (words left in unrecognised parts, parts) for pieces [0, i), and where its last part starts.
        var best = new (int Unrecognised, int Parts, int From)?[pieces.Count + 1];
        best[0] = (0, 0, 0);
        for (var end = 1; end <= pieces.Count; end++)
        {
            for (var start = 0; start < end; start++)
            {
                if (best[start] is not { } before)
                {
                    continue;
                }

                var text = Join(chunk, pieces, start, end);
                var unrecognised = text.Length == 0 || isRecognised(text) ? 0 : end - start;
                var candidate = (Unrecognised: before.Unrecognised + unrecognised, Parts: before.Parts + 1, From: start);
                if (best[end] is not { } known || (candidate.Unrecognised, candidate.Parts).CompareTo((known.Unrecognised, known.Parts)) < 0)
                {
                    best[end] = candidate;
                }
            }
        }

        var parts = new List<string>();
        for (var end = pieces.Count; end > 0; end = best[end]!.Value.From)
        {
            parts.Add(Join(chunk, pieces, best[end]!.Value.From, end));
        }

        parts.Reverse();
        return parts;
    }

    private static string Clean(string text) => text.Trim().Trim(',', '/', '&', '+', '-', '.', ' ');

    [GeneratedRegex(@"\s*,\s*|\s*/\s*|\s+\+\s+|\s*&\s*|\s+and\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SoftSeparator();
}
