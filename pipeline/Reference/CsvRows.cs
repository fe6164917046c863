namespace SharedServicesPipeline.Pipeline.Reference;

/// <summary>Reads a small reference CSV into rows keyed by header. Headers are compared trimmed, case-blind, with '-' read as '_'
/// so that the public register's `gss-code` and our `gss_code` are the same column.</summary>
internal static class CsvRows
{
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Read(TextReader reader)
    {
        using var csv = AuthorityRegister.CreateCsvReader(reader);
        var rows = new List<IReadOnlyDictionary<string, string>>();
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { } header)
        {
            return rows;
        }

        var keys = header.Select(HeaderKey).ToArray();
        while (csv.Read())
        {
            if ((csv.GetField(0) ?? "").TrimStart().StartsWith('#'))
            {
                continue; // a comment line
            }

            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < keys.Length && i < csv.Parser.Count; i++)
            {
                row.TryAdd(keys[i], (csv.GetField(i) ?? "").Trim());
            }

            rows.Add(row);
        }

        return rows;
    }

    public static string HeaderKey(string header) => header.Trim().TrimStart('\uFEFF').ToLowerInvariant().Replace('-', '_');

    /// <summary>The field, or "" when the column is absent.</summary>
    public static string Field(this IReadOnlyDictionary<string, string> row, string name) =>
        row.TryGetValue(name, out var value) ? value : "";
}
