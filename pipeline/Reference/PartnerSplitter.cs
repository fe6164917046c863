using System.Text.RegularExpressions;

namespace SharedServicesPipeline.Pipeline.Reference;

/// <summary>
/// Splits a partners cell into partner names. ';' and line breaks always separate. ',', '/', '+', '&amp;' and "and" separate only
/// where the register agrees: of all the ways to cut the cell there, the one chosen leaves the fewest words in unrecognised parts,
/// then has the fewest parts, so "Bath and North East Somerset", "Brighton &amp; Hove" and "Armagh City, Banbridge and Craigavon"
/// stay whole while "Essex CC, Braintree DC and Essex Police" becomes three names. Bullets ('•', '·', '|') separate always,
/// and so do the numbers of a numbered list ("1. Essex CC 2. Slough BC", "a) …"). A compass word alone before another borrows
/// its place ("East &amp; West Sussex CCs" → "East Sussex CCs", "West Sussex CCs").
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
        foreach (var line in cell.Split(HardSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // A numbered list: each number starts a partner ("1. Essex CC 2. Slough BC").
            var chunks = ListNumber().Match(line) is { Success: true, Index: 0 } ? ListNumber().Split(line) : [line];
            foreach (var chunk in chunks.Select(c => c.Trim()).Where(c => c.Length > 0))
            {
                names.AddRange(SplitChunk(chunk));
            }
        }

        return [.. names.Select(Clean).Where(n => n.Length > 0)];
    }

    /// <summary>The spans of <paramref name="text"/> between soft separators (',', '/', '+', '&amp;', "and").</summary>
    public static IReadOnlyList<(int Start, int End)> Pieces(string text)
    {
        var pieces = new List<(int, int)>(4);
        var start = 0;
        // EnumerateMatches: no Match objects, for every chunk of every partners cell.
        foreach (var separator in SoftSeparator().EnumerateMatches(text))
        {
            if (pieces.Count == MaxSeparators)
            {
                break;
            }

            pieces.Add((start, separator.Index));
            start = separator.Index + separator.Length;
        }

        pieces.Add((start, text.Length));
        return pieces;
    }

    /// <summary>The text of pieces [start, end) with the separators between them, cleaned.</summary>
    public static string Join(string text, IReadOnlyList<(int Start, int End)> pieces, int start, int end) =>
        Clean(text[pieces[start].Start..pieces[end - 1].End]);

    /// <summary>The partner that pieces [start, end) name: their text, or for a compass word alone followed by a piece that starts
    /// with another ("East" before "West Sussex CCs"), the compass word with the following piece's place ("East Sussex CCs").</summary>
    public static string Part(string text, IReadOnlyList<(int Start, int End)> pieces, int start, int end)
    {
        var part = Join(text, pieces, start, end);
        if (end - start != 1 || end >= pieces.Count || part.Length > "North West".Length || !CouncilAffixes.CompassWords.Contains(NameCanonicaliser.Canonical(part)))
        {
            return part;
        }

        var next = Join(text, pieces, end, end + 1);
        var space = next.IndexOf(' ', StringComparison.Ordinal);
        var lead = space > 0 ? NameCanonicaliser.Canonical(next[..space]) : "";
        if (!CouncilAffixes.CompassWords.Contains(lead))
        {
            return part;
        }

        // "North East" before "North Lincolnshire": the whole compass phrase stays, the place follows.
        return $"{part} {next[(space + 1)..].TrimStart()}";
    }

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

                var text = Part(chunk, pieces, start, end);
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
            parts.Add(Part(chunk, pieces, best[end]!.Value.From, end));
        }

        parts.Reverse();
        return parts.Count > 1 ? parts.Select(Singular) : parts;
    }

    /// <summary>A plural affix shared by a list ("Teignbridge &amp; Torridge DCs") belongs to each part once it is cut
    /// ("Torridge DC"); left plural, the part alone would read as a group of councils.</summary>
    private static string Singular(string part)
    {
        var space = part.LastIndexOf(' ');
        var last = part[(space + 1)..];
        return space > 0 && PluralAffix().IsMatch(last) ? part[..^1] : part;
    }

    private static readonly char[] HardSeparators = [';', '\n', '\r', '|', '•', '·', '▪', '◦', '‣', '●'];

    // Around a partner, not part of it: separators left over, list dashes and stars, quotes.
    private static string Clean(string text) => text.Trim().Trim(Around);

    // One array: Trim's params form allocates its own on each call.
    private static readonly char[] Around = [',', '/', '&', '+', '-', '–', '—', '.', ' ', '*', ':', '"', '“', '”', '\'', '‘', '’', '\u00a0'];

    [GeneratedRegex(@"\s*,\s*|\s*/\s*|\s+\+\s+|\s*&\s*|\s+and\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SoftSeparator();

    // "1." "2)" "(3)" "a)" "(b)" at the start of a cell or after a space, followed by a space: only in a cell that starts with one.
    [GeneratedRegex(@"(?:^|(?<=\s))\(?(?:\d{1,2}[.):]|[a-h]\))\s+", RegexOptions.CultureInvariant)]
    private static partial Regex ListNumber();

    [GeneratedRegex(@"^(councils|dcs|bcs|ccs|mbcs)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PluralAffix();
}
