namespace SharedServicesPipeline.Pipeline.Reference;

/// <summary>One row of aliases.csv: a name people use and the register codes (or body codes) it stands for.</summary>
public sealed record AuthorityAlias(string Alias, IReadOnlyList<string> Codes, AliasKind Kind);
