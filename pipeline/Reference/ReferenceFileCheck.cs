using CsvHelper;

namespace SharedServicesPipeline.Pipeline.Reference;

/// <summary>
/// Strict reading of an operator's authorities.csv and aliases.csv. The readers behind <see cref="AuthorityMatcher.Create"/>
/// skip what they cannot use, which suits a local run; a deployed app applies a file whole or not at all, so it asks here
/// first and reports each problem by line rather than quietly dropping the row an operator meant to add.
/// </summary>
public static class ReferenceFileCheck
{
    public const string AuthoritiesFile = "authorities.csv";
    public const string AliasesFile = "aliases.csv";
    private const int MaxProblems = 20;

    private static readonly string[] Kinds = ["", "name", "group", "ambiguous"];

    /// <summary>Problems in an authorities.csv (our layout or the public register's): a code on every row, a known type, ISO dates.</summary>
    public static IReadOnlyList<ReferenceFileProblem> Authorities(string text) =>
        Check(AuthoritiesFile, text, header => header.Contains("code") || header.Contains("gss_code") ? null : "needs a 'code' (or 'gss-code') column", (row, problems) =>
        {
            var code = row.Field("code").Length > 0 ? row.Field("code") : row.Field("gss_code");
            if (code.Length == 0)
            {
                problems.Add("no code");
            }

            var type = row.ContainsKey("authority_type") ? row.Field("authority_type") : row.Field("local_authority_type");
            try
            {
                AuthorityCsv.ParseType(type);
            }
            catch (FormatException)
            {
                problems.Add($"unknown authority type '{type}'");
            }

            foreach (var column in new[] { "valid_from", "valid_to", "start_date", "end_date" })
            {
                if (row.Field(column) is { Length: > 0 } date && AuthorityCsv.ParseDate(date) is null)
                {
                    problems.Add($"{column} '{date}' is not a date (yyyy-mm-dd)");
                }
            }
        });

    /// <summary>Problems in an aliases.csv: an alias and codes on every row, a known kind, and codes that <paramref name="register"/>
    /// (with any overrides) or the public bodies know; an unknown code would otherwise make the alias do nothing.</summary>
    public static IReadOnlyList<ReferenceFileProblem> Aliases(string text, AuthorityRegister register) =>
        Check(AliasesFile, text, header => header.Contains("alias") && header.Contains("codes") ? null : "needs 'alias' and 'codes' columns", (row, problems) =>
        {
            if (row.Field("alias").Length == 0)
            {
                problems.Add("no alias");
            }

            var codes = row.Field("codes").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (codes.Length == 0)
            {
                problems.Add("no codes");
            }

            foreach (var code in codes.Where(c => register.Find(c) is null && PublicBodyCatalogue.BuiltIn.Find(c) is null))
            {
                problems.Add($"unknown code '{code}'");
            }

            if (!Kinds.Contains(row.Field("kind").ToLowerInvariant()))
            {
                problems.Add($"unknown kind '{row.Field("kind")}' (name, group or ambiguous)");
            }
        });

    private static List<ReferenceFileProblem> Check(
        string file, string text, Func<HashSet<string>, string?> checkHeader, Action<IReadOnlyDictionary<string, string>, List<string>> checkRow)
    {
        var found = new List<ReferenceFileProblem>();
        using var csv = AuthorityRegister.CreateCsvReader(new StringReader(text));
        try
        {
            if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { } header)
            {
                return [new ReferenceFileProblem(file, 1, "empty: no header row")];
            }

            var keys = header.Select(CsvRows.HeaderKey).ToArray();
            if (checkHeader([.. keys]) is { } headerProblem)
            {
                return [new ReferenceFileProblem(file, 1, headerProblem)];
            }

            while (csv.Read() && found.Count < MaxProblems)
            {
                if ((csv.GetField(0) ?? "").TrimStart().StartsWith('#'))
                {
                    continue;
                }

                var row = new Dictionary<string, string>(StringComparer.Ordinal);
                for (var i = 0; i < keys.Length && i < csv.Parser.Count; i++)
                {
                    row.TryAdd(keys[i], (csv.GetField(i) ?? "").Trim());
                }

                var problems = new List<string>();
                checkRow(row, problems);
                found.AddRange(problems.Select(p => new ReferenceFileProblem(file, csv.Parser.RawRow, p)));
            }
        }
        catch (CsvHelperException ex)
        {
            found.Add(new ReferenceFileProblem(file, ex.Context?.Parser?.RawRow ?? 0, "not readable as CSV (a stray quote?)"));
        }

        return found;
    }
}
