namespace SharedServicesPipeline.Pipeline.Reference;

/// <summary>
/// The initialisms officers write for councils ("TWBC", "NKDC", "LBRuT", "B&amp;NES", "CnES", "CBMDC"), made from each council's
/// official name, and from its place with every affix its style allows ("Doncaster MBC" as well as "City of Doncaster Council"),
/// so that one initialism that several councils could own ("WBC", "TMBC", "DMBC") is seen to be shared and goes to review
/// rather than to whichever council the register happens to name that way today. Keys are canonical names without spaces, so
/// "T&amp;MBC" (t and mbc) and "TAMBC" stay apart: the ampersand says which word was "and".
/// </summary>
internal static class CouncilInitialisms
{
    private const int MinLetters = 3;
    private const int MaxLetters = 8;
    private const int MaxForms = 32;

    // Words of a council's style, left out when judging whether a name is written in capitals ("P&K Council").
    private static readonly HashSet<string> StyleWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "council", "councils", "county", "district", "borough", "city", "metropolitan", "london", "royal", "of", "the", "and",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> StyleWordLookup = StyleWords.GetAlternateLookup<ReadOnlySpan<char>>();

    // Small words that an initialism may keep ("LBRuT", "CnES", "VoG") or drop ("RBKC", "ERYC"). "With" is always kept:
    // Blackburn with Darwen is "BwD", never "BD".
    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal)
    {
        "and", "of", "upon", "on", "in", "le", "nan", "na", "a", "y", "ar", "under",
    };

    /// <summary>The initialism keys an authority may be written as.</summary>
    public static IEnumerable<string> Of(Authority authority)
    {
        var official = NameCanonicaliser.Canonical(authority.Name);
        var places = new[] { authority.ShortName is { } s ? NameCanonicaliser.Canonical(s) : null, CouncilAffixes.Core(official) }
            .OfType<string>().Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (authority.Type is AuthorityType.LondonBorough)
        {
            // "RBK": the Royal Borough of Kingston, upon Thames left out (in London there is no other Kingston).
            places.AddRange(places.Where(p => p.Contains(" upon ", StringComparison.Ordinal)).Select(p => p[..p.IndexOf(" upon ", StringComparison.Ordinal)]).ToList());
        }
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var words in Forms(official))
        {
            Add(keys, words);
        }

        var styles = NamedStyles(official);
        foreach (var place in places)
        {
            foreach (var words in Forms(place))
            {
                // The place alone only when it has words enough to be an initialism of its own ("RCT", "B&NES", "BCP").
                if (place.Contains(' ', StringComparison.Ordinal))
                {
                    Add(keys, words);
                }

                foreach (var (prefix, suffix) in AffixInitials(authority.Type, styles))
                {
                    Add(keys, prefix + words + suffix);
                }
            }
        }

        return keys;
    }

    /// <summary>Whether <paramref name="raw"/> is written like an initialism: its letters, leaving out the words of a council's
    /// style ("P&amp;K Council"), are mostly capitals, two at least. "NKDC", "BaNES", "CnES" and "B&amp;H CC" are; "Hart", "Bury"
    /// and "Ely City Council" are names.</summary>
    public static bool IsWrittenAsInitialism(string raw)
    {
        int upper = 0, lower = 0, wordUpper = 0, wordLower = 0, wordStart = -1;
        for (var i = 0; i <= raw.Length; i++)
        {
            var ch = i < raw.Length ? raw[i] : ' ';
            if (char.IsLetter(ch))
            {
                wordStart = wordStart < 0 ? i : wordStart;
                wordUpper += char.IsUpper(ch) ? 1 : 0;
                wordLower += char.IsUpper(ch) ? 0 : 1;
                continue;
            }

            if (wordStart >= 0 && !StyleWordLookup.Contains(raw.AsSpan(wordStart, i - wordStart)))
            {
                upper += wordUpper;
                lower += wordLower;
            }

            (wordUpper, wordLower, wordStart) = (0, 0, -1);
        }

        return upper >= 2 && upper >= lower;
    }

    /// <summary>The key to look up for a canonical name or core when the whole name is written like an initialism (see
    /// <see cref="IsWrittenAsInitialism"/>): short words only, three to eight letters in all, joined; else null.</summary>
    public static string? Key(string canonical)
    {
        var letters = 0;
        foreach (var token in canonical.Split(' '))
        {
            if (token == "and")
            {
                letters++;
                continue;
            }

            if (token.Length is 0 or > 6 || !token.All(char.IsLetter))
            {
                return null;
            }

            letters += token.Length;
        }

        return letters is >= MinLetters and <= MaxLetters ? canonical.Replace(" ", "", StringComparison.Ordinal) : null;
    }

    /// <summary>The tokens as initials, each connector dropped or kept as its letter ("LBRuT" keeps "upon" and drops "of"),
    /// and "and" also kept whole, for the ampersand ("B&amp;NES").</summary>
    private static IEnumerable<string> Forms(string canonical)
    {
        var forms = new List<string> { "" };
        foreach (var token in canonical.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] options = !Connectors.Contains(token) ? [token[..1]] : token == "and" ? ["", "a", "and"] : ["", token[..1]];
            if (forms.Count * options.Length > MaxForms)
            {
                options = [options[0]];
            }

            forms = [.. forms.SelectMany(form => options.Select(option => form + option))];
        }

        return forms;
    }

    /// <summary>The styles the official name itself carries: "Amber Valley Borough Council" is a borough, so "AVBC" but never
    /// "AVDC" (that is Aylesbury Vale District Council), whatever its type.</summary>
    private static CouncilStyles NamedStyles(string official)
    {
        var tokens = official.Split(' ');
        var styles = CouncilStyles.None;
        foreach (var (word, style) in new[] { ("county", CouncilStyles.County), ("city", CouncilStyles.City), ("district", CouncilStyles.District),
            ("borough", CouncilStyles.Borough), ("royal", CouncilStyles.Royal) })
        {
            styles |= tokens.Contains(word) ? style : CouncilStyles.None;
        }

        return styles;
    }

    /// <summary>The affixes, as initials, that a council is written with: those its name carries, and for a metropolitan
    /// borough the "MBC" and "MDC" that many wrote before they renamed themselves ("Doncaster MBC", now the City of Doncaster).</summary>
    private static IEnumerable<(string Prefix, string Suffix)> AffixInitials(AuthorityType type, CouncilStyles styles)
    {
        yield return ("", "c");
        if (type is AuthorityType.LondonBorough)
        {
            yield return ((styles & CouncilStyles.Royal) != 0 ? "rb" : "lb", "");
            yield break; // "London Borough of" is written "LB", before the place
        }

        if ((styles & (CouncilStyles.County | CouncilStyles.City)) != 0)
        {
            yield return ("", "cc");
        }

        if ((styles & CouncilStyles.District) != 0)
        {
            yield return ("", "dc");
        }

        if ((styles & CouncilStyles.Borough) != 0)
        {
            yield return ("", "bc");
        }

        if (type is AuthorityType.MetropolitanDistrict)
        {
            yield return ("", "mbc");
            yield return ("", "mdc");
        }

        if (type is AuthorityType.WelshCouncil && (styles & CouncilStyles.County) != 0)
        {
            yield return ("", "cc");
            yield return ("", (styles & CouncilStyles.Borough) != 0 ? "cbc" : "cc");
        }
    }

    private static void Add(HashSet<string> keys, string key)
    {
        var letters = key.Length - (CountOf(key, "and") * 2);
        if (letters is >= MinLetters and <= MaxLetters)
        {
            keys.Add(key);
        }
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
