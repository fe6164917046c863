using System.Globalization;
using System.Reflection;
using CsvHelper;
using CsvHelper.Configuration;
using SharedServicesPipeline.Pipeline.Reading;

namespace SharedServicesPipeline.Pipeline.Validation;

/// <summary>
/// What officers write in a Status column, mapped to Live, Planned or Ended (Data/statuses.csv). A cell matches whole,
/// then without a bracketed note ("Live (since 2010)"), then by its leading words ("Ended 2014", "Planned for April").
/// Words that could mean either in place or finished ("Completed") are reported as ambiguous rather than guessed.
/// </summary>
public sealed class StatusVocabulary
{
    private const string AmbiguousRow = "(ambiguous)";

    private readonly Dictionary<string, string?> _byKey = new(StringComparer.Ordinal);

    private StatusVocabulary(IEnumerable<(string Status, IEnumerable<string> Synonyms)> rows)
    {
        foreach (var (status, synonyms) in rows)
        {
            var value = status == AmbiguousRow ? null : status;
            foreach (var name in value is null ? synonyms : synonyms.Prepend(status))
            {
                _byKey.TryAdd(HeaderSynonyms.Key(name), value);
            }
        }
    }

    public static StatusVocabulary BuiltIn { get; } = Load();

    /// <summary>Live, Planned or Ended; null when blank, not recognised, or ambiguous (then <paramref name="ambiguous"/> is true).</summary>
    public string? Resolve(string? text, out bool ambiguous)
    {
        ambiguous = false;
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (Find(HeaderSynonyms.Key(text), out var status, out ambiguous))
        {
            return status;
        }

        var open = text.IndexOfAny(['(', '[']);
        if (open > 0 && Find(HeaderSynonyms.Key(text[..open]), out status, out ambiguous))
        {
            return status;
        }

        // Leading words, longest first: "Ended 2014", "Live since 2010", "Planned for April 2013", "Ceased - merged".
        var words = text.Split([' ', '-', '–', '—', ',', ';', ':', '/', '(', ')', '.'], StringSplitOptions.RemoveEmptyEntries);
        for (var count = Math.Min(words.Length - 1, 4); count >= 1; count--)
        {
            if (Find(HeaderSynonyms.Key(string.Join(' ', words, 0, count)), out status, out ambiguous))
            {
                return status;
            }
        }

        return null;
    }

    private bool Find(string key, out string? status, out bool ambiguous)
    {
        ambiguous = false;
        if (key.Length > 0 && _byKey.TryGetValue(key, out status))
        {
            ambiguous = status is null;
            return true;
        }

        status = null;
        return false;
    }

    private static StatusVocabulary Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("SharedServicesPipeline.Validation.statuses.csv")
            ?? throw new InvalidOperationException("Embedded statuses.csv is missing from the build.");
        using var reader = new StreamReader(stream);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { AllowComments = true, Comment = '#' });
        csv.Read();
        csv.ReadHeader();
        var rows = new List<(string, IEnumerable<string>)>();
        while (csv.Read())
        {
            var synonyms = (csv.GetField("synonyms") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            rows.Add((csv.GetField("status")!, synonyms));
        }

        return new StatusVocabulary(rows);
    }
}
