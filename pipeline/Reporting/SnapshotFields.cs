using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace SharedServicesPipeline.Pipeline.Reporting;

/// <summary>
/// One arrangement's loaded values by column name, as the snapshot writes them: an array in the columns' fixed order
/// (the names shared by every row) rather than a dictionary of its own.
/// </summary>
internal sealed class SnapshotFields(string[] names, string?[] values) : IReadOnlyDictionary<string, string>
{
    public string this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    public IEnumerable<string> Keys => this.Select(p => p.Key);

    public IEnumerable<string> Values => this.Select(p => p.Value);

    public int Count => values.Count(v => v is not null);

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        var index = Array.IndexOf(names, key);
        value = index >= 0 ? values[index] : null;
        return value is not null;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        for (var i = 0; i < names.Length; i++)
        {
            if (values[i] is { } value)
            {
                yield return new(names[i], value);
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
