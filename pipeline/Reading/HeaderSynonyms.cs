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

    private HeaderSynonyms(Dictionary<string, TemplateColumn> byKey) => _byKey = byKey;

    public static HeaderSynonyms BuiltIn { get; } = Load();

    public TemplateColumn? Resolve(string? header)
    {
        var key = Key(header);
        return key.Length > 0 && _byKey.TryGetValue(key, out var column) ? column : null;
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

    internal static string Key(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return "";
        }

        var text = header.Replace("(£)", "", StringComparison.Ordinal).Replace("£", "", StringComparison.Ordinal);
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormKD))
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    private static HeaderSynonyms Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("SharedServicesPipeline.Reading.header_synonyms.csv")
            ?? throw new InvalidOperationException("Embedded header_synonyms.csv is missing from the build.");
        using var reader = new StreamReader(stream);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var map = new Dictionary<string, TemplateColumn>(StringComparer.Ordinal);
        foreach (var row in csv.GetRecords<SynonymRow>())
        {
            map[Key(row.Header)] = Enum.Parse<TemplateColumn>(row.Column);
        }

        foreach (var column in Enum.GetValues<TemplateColumn>())
        {
            map.TryAdd(Key(column.ToString()), column);
        }

        return new HeaderSynonyms(map);
    }

    private sealed class SynonymRow
    {
        [CsvHelper.Configuration.Attributes.Name("column")]
        public string Column { get; set; } = "";

        [CsvHelper.Configuration.Attributes.Name("header")]
        public string Header { get; set; } = "";
    }
}
