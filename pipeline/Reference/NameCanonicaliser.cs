using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SharedServicesPipeline.Pipeline.Reference;

/// <summary>Turns a name as a spreadsheet writes it into a canonical key: lower case, no accents or punctuation, '&amp;' as "and",
/// "Saint" as "st", no "the", common abbreviations expanded ("Notts", "NE", "B.C."), and "X, City of" as "city of x".
/// The register's names and the inputs go through the same function, so keys meet.</summary>
internal static partial class NameCanonicaliser
{
    private static readonly Dictionary<string, string> TokenExpansions = new(StringComparer.Ordinal)
    {
        ["saint"] = "st",
        ["gt"] = "great",
        ["cncl"] = "council",
        ["boro"] = "borough",
        ["bor"] = "borough",
        ["dist"] = "district",
        ["corp"] = "corporation",
        ["beds"] = "bedfordshire",
        ["berks"] = "berkshire",
        ["bucks"] = "buckinghamshire",
        ["cambs"] = "cambridgeshire",
        ["derbys"] = "derbyshire",
        ["glos"] = "gloucestershire",
        ["gloucs"] = "gloucestershire",
        ["hants"] = "hampshire",
        ["herts"] = "hertfordshire",
        ["lancs"] = "lancashire",
        ["leics"] = "leicestershire",
        ["lincs"] = "lincolnshire",
        ["northants"] = "northamptonshire",
        ["notts"] = "nottinghamshire",
        ["oxon"] = "oxfordshire",
        ["staffs"] = "staffordshire",
        ["warks"] = "warwickshire",
        ["wilts"] = "wiltshire",
        ["worcs"] = "worcestershire",
        ["yorks"] = "yorkshire",
        ["shrops"] = "shropshire",
        ["pembs"] = "pembrokeshire",
        ["carms"] = "carmarthenshire",
        ["iow"] = "isle of wight",
        ["ccg"] = "clinical commissioning group",
        ["icb"] = "integrated care board",
        ["pct"] = "primary care trust",
        ["frs"] = "fire and rescue service",
        ["fra"] = "fire and rescue authority",
        ["npa"] = "national park authority",
        ["sha"] = "strategic health authority",
        ["uhb"] = "university health board",
        ["thb"] = "teaching health board",
        ["hsc"] = "health and social care",
        ["lep"] = "local enterprise partnership",
        ["np"] = "national park",
        ["co"] = "county",
    };

    // Combined-authority abbreviations expand only after a place ("West Midlands CA"), never alone.
    private static readonly Dictionary<string, string> TrailingExpansions = new(StringComparer.Ordinal)
    {
        ["ca"] = "combined authority",
        ["mca"] = "combined authority",
        ["cca"] = "combined county authority",
    };

    // Compass abbreviations only expand before another word ("NE Lincs"), never alone.
    private static readonly Dictionary<string, string> CompassExpansions = new(StringComparer.Ordinal)
    {
        ["n"] = "north",
        ["s"] = "south",
        ["e"] = "east",
        ["w"] = "west",
        ["ne"] = "north east",
        ["nw"] = "north west",
        ["se"] = "south east",
        ["sw"] = "south west",
    };

    /// <summary>Word expansions ("cambs" → "cambridgeshire"), for a page that canonicalises names as the matcher does.</summary>
    internal static IReadOnlyDictionary<string, string> WordExpansions => TokenExpansions;

    /// <summary>Compass letters expanded before another word ("n yorkshire"), for the same page.</summary>
    internal static IReadOnlyDictionary<string, string> CompassWordExpansions => CompassExpansions;

    public static string Canonical(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "";
        }

        var text = Reorder(RemoveParentheses(name.Trim()));
        text = RemoveAccents(text).ToLowerInvariant()
            .Replace("&", " and ", StringComparison.Ordinal)
            .Replace("+", " and ", StringComparison.Ordinal)
            .Replace("'", "", StringComparison.Ordinal)
            .Replace("\u2019", "", StringComparison.Ordinal)
            .Replace("\u2018", "", StringComparison.Ordinal);

        var tokens = new List<string>();
        var word = new StringBuilder();
        foreach (var ch in text)
        {
            if (char.IsLetterOrDigit(ch))
            {
                word.Append(ch);
            }
            else if (word.Length > 0)
            {
                tokens.Add(word.ToString());
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            tokens.Add(word.ToString());
        }

        // "Mayoral" is a combined authority's title, not part of its name: "South Yorkshire (Mayoral) Combined Authority" are one.
        return string.Join(' ', Expand(JoinInitials(tokens))).Replace("mayoral combined authority", "combined authority", StringComparison.Ordinal);
    }

    /// <summary>"L.B. Hackney" and "M B C" are one token each: runs of single letters are initials.</summary>
    private static List<string> JoinInitials(List<string> tokens)
    {
        var result = new List<string>();
        var initials = new StringBuilder();
        foreach (var token in tokens)
        {
            if (token.Length == 1 && char.IsLetter(token[0]))
            {
                initials.Append(token);
                continue;
            }

            Flush();
            result.Add(token);
        }

        Flush();
        return result;

        void Flush()
        {
            if (initials.Length > 0)
            {
                result.Add(initials.ToString());
                initials.Clear();
            }
        }
    }

    private static IEnumerable<string> Expand(List<string> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token == "the")
            {
                continue;
            }

            if (i < tokens.Count - 1 && token != "and" && CompassExpansions.TryGetValue(token, out var compass))
            {
                yield return compass;
            }
            else if (i > 0 && i == tokens.Count - 1 && TrailingExpansions.TryGetValue(token, out var trailing))
            {
                yield return trailing;
            }
            else
            {
                yield return TokenExpansions.GetValueOrDefault(token, token);
            }
        }
    }

    /// <summary>"Bristol, City of" → "City of Bristol"; "Herefordshire, County of" → "County of Herefordshire".</summary>
    private static string Reorder(string name)
    {
        var match = TrailingStyle().Match(name);
        return match.Success ? $"{match.Groups["style"].Value} {match.Groups["place"].Value}" : name;
    }

    private static string RemoveParentheses(string name)
    {
        var without = Parenthetical().Replace(name, " ").Trim();
        return without.Length > 0 ? without : name;
    }

    private static string RemoveAccents(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(ch);
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    [GeneratedRegex(@"^(?<place>.+?)\s*,\s*(?<style>(the\s+)?(city and county|city|county|royal borough|london borough|borough|metropolitan borough|district) of)\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TrailingStyle();

    [GeneratedRegex(@"\([^)]*\)|\[[^\]]*\]", RegexOptions.CultureInvariant)]
    private static partial Regex Parenthetical();
}
