using System.Globalization;
using System.Reflection;
using System.Text;
using CsvHelper;

namespace SharedServicesPipeline.Pipeline.Reading;

/// <summary>
/// Maps submitted header text to template columns. Data-driven (Data/header_synonyms.csv) so that a new
/// synonym is a one-line change; matched case-, space- and punctuation-insensitively, and a "(£)" suffix is ignored.
/// </summary>
public sealed class HeaderSynonyms
{
    private readonly Dictionary<string, TemplateColumn> _byKey;
    private readonly ILookup<TemplateColumn, string> _names;

    private HeaderSynonyms(Dictionary<string, TemplateColumn> byKey, ILookup<TemplateColumn, string> names)
    {
        _byKey = byKey;
        _names = names;
    }

    /// <summary>The headers a column is also known by, as Data/header_synonyms.csv writes them (the template's guidance lists them).</summary>
    public IReadOnlyList<string> NamesOf(TemplateColumn column) => [.. _names[column]];

    public static HeaderSynonyms BuiltIn { get; } = Load();

    public TemplateColumn? Resolve(string? header)
    {
        var key = Key(header);
        if (key.Length == 0)
        {
            return null;
        }

        if (_byKey.TryGetValue(key, out var column))
        {
            return column;
        }

        // "Partners (separate with ;)", "Service area*\n(required)", "Start date\nFormat: dd/mm/yyyy", "ANNUAL_SAVING_GBP":
        // the hint around a header is not its name. Tried only when the whole header is not a synonym.
        foreach (var plain in WithoutHints(header!))
        {
            var plainKey = Key(plain);
            if (plainKey.Length > 0 && plainKey != key && _byKey.TryGetValue(plainKey, out column))
            {
                return column;
            }
        }

        return null;
    }

    /// <summary>The header without bracketed hints, examples, "required" markers and currency words; then its first line alone.</summary>
    internal static IEnumerable<string> WithoutHints(string header)
    {
        var plain = StripHints(header);
        yield return plain;
        var newline = header.IndexOfAny(['\r', '\n']);
        if (newline > 0)
        {
            yield return StripHints(header[..newline]);
        }
    }

    private static readonly string[] HintStarts = ["e.g.", "eg.", "e.g ", "eg ", "for example", "please ", "if known", "if applicable", "where known", "where applicable", "format:"];

    private static readonly string[] TrailingHintWords = ["required", "optional", "mandatory", "compulsory", "gbp", "pounds", "sterling"];

    private static string StripHints(string header)
    {
        var text = new StringBuilder(header.Length);
        var depth = 0;
        foreach (var c in header)
        {
            if (c is '(' or '[' or '{')
            {
                depth++;
            }
            else if (c is ')' or ']' or '}')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (depth == 0)
            {
                text.Append(c is '_' or '\r' or '\n' or '\t' ? ' ' : c);
            }
        }

        var plain = text.ToString();
        foreach (var start in HintStarts)
        {
            var at = plain.IndexOf(start, StringComparison.OrdinalIgnoreCase);
            if (at > 0)
            {
                plain = plain[..at];
            }
        }

        plain = plain.Trim().TrimEnd('*', ':', '-', '–', ' ', '?');
        var trimmed = true;
        while (trimmed)
        {
            trimmed = false;
            foreach (var word in TrailingHintWords)
            {
                if (plain.Length > word.Length && plain.EndsWith(word, StringComparison.OrdinalIgnoreCase) && !char.IsLetterOrDigit(plain[^(word.Length + 1)]))
                {
                    plain = plain[..^word.Length].Trim().TrimEnd('*', ':', '-', '–', ' ', '?');
                    trimmed = true;
                }
            }
        }

        return plain;
    }

    /// <summary>Matches "Partner 1", "Partner 2 name", "Partner 3 tier": wide partner columns.</summary>
    public static (int Index, bool IsTier)? ResolveWidePartner(string? header)
    {
        var key = Key(header);
        foreach (var prefix in new[] { "partnerorganisation", "partnercouncil", "partnerauthority", "partner", "council", "authority" })
        {
            if (!key.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var rest = key[prefix.Length..];
            var digits = new string(rest.TakeWhile(char.IsAsciiDigit).ToArray());
            if (digits.Length is 0 or > 3)
            {
                continue;
            }

            var suffix = rest[digits.Length..];
            if (suffix is "" or "name")
            {
                return (int.Parse(digits, CultureInfo.InvariantCulture), false);
            }

            if (suffix is "tier" or "type" or "tierlevel")
            {
                return (int.Parse(digits, CultureInfo.InvariantCulture), true);
            }
        }

        return null;
    }

    internal static string Key(string? header) => TextKey.Of(header);

    private static HeaderSynonyms Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("SharedServicesPipeline.Reading.header_synonyms.csv")
            ?? throw new InvalidOperationException("Embedded header_synonyms.csv is missing from the build.");
        using var reader = new StreamReader(stream);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var map = new Dictionary<string, TemplateColumn>(StringComparer.Ordinal);
        var names = new List<(TemplateColumn Column, string Header)>();
        foreach (var row in csv.GetRecords<SynonymRow>())
        {
            var column = Enum.Parse<TemplateColumn>(row.Column);
            map[Key(row.Header)] = column;
            names.Add((column, row.Header));
        }

        foreach (var column in Enum.GetValues<TemplateColumn>())
        {
            map.TryAdd(Key(column.ToString()), column);
        }

        return new HeaderSynonyms(map, names.ToLookup(n => n.Column, n => n.Header));
    }

    private sealed class SynonymRow
    {
        [CsvHelper.Configuration.Attributes.Name("column")]
        public string Column { get; set; } = "";

        [CsvHelper.Configuration.Attributes.Name("header")]
        public string Header { get; set; } = "";
    }
}
