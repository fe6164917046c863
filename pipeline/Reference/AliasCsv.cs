namespace SharedServicesPipeline.Pipeline.Reference;

/// <summary>Reads aliases.csv: alias, codes (';'-separated), kind (name, group, ambiguous; blank = name), note. Lines starting with '#' are comments.
/// A row with no alias or no code is skipped: a bad row must not stop a run.</summary>
internal static class AliasCsv
{
    public static IReadOnlyList<AuthorityAlias> Read(TextReader reader)
    {
        var result = new List<AuthorityAlias>();
        foreach (var row in CsvRows.Read(reader))
        {
            var alias = row.Field("alias");
            var codes = row.Field("codes").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (alias.Length == 0 || codes.Length == 0)
            {
                continue;
            }

            var kind = row.Field("kind").ToLowerInvariant() switch
            {
                "group" => AliasKind.Group,
                "ambiguous" => AliasKind.Ambiguous,
                _ => AliasKind.Name,
            };
            result.Add(new AuthorityAlias(alias, codes, kind));
        }

        return result;
    }

    public static IReadOnlyList<AuthorityAlias> BuiltIn()
    {
        using var reader = AuthorityRegister.OpenEmbedded("aliases.csv");
        return Read(reader);
    }
}
