using System.Text.RegularExpressions;
using SharedServicesPipeline.Pipeline.Reference;

namespace SharedServicesPipeline.Publishing.Councils;

/// <summary>
/// Which council a user means: a GSS code of the register, else a name resolved by the matcher. An ambiguous name is
/// reported with its candidates, never guessed; a name of no council (or of a body that is not one) is not found.
/// </summary>
public static partial class CouncilLookup
{
    public static CouncilLookupResult Find(string nameOrCode, IAuthorityMatcher matcher, AuthorityRegister register)
    {
        var text = nameOrCode.Trim();
        if (GssCode().IsMatch(text) && register.Find(text) is { IsCouncil: true } byCode)
        {
            return new CouncilLookupResult(byCode.Code, byCode.Name, []);
        }

        var match = matcher.Match(text);
        return match.Status switch
        {
            MatchStatus.Matched when match.Authority is { IsCouncil: true } council => new CouncilLookupResult(council.Code, council.Name, []),
            MatchStatus.Ambiguous => new CouncilLookupResult(null, null, [.. match.Candidates.Select(c => new CouncilRef(c.Authority.Code, c.Authority.Name))]),
            _ => new CouncilLookupResult(null, null, []),
        };
    }

    [GeneratedRegex("^[A-Z][0-9]{8}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GssCode();
}

/// <summary>The council found (<see cref="Code"/>), or the candidates of an ambiguous name, or neither (not found).</summary>
public sealed record CouncilLookupResult(string? Code, string? Name, IReadOnlyList<CouncilRef> Candidates)
{
    public bool IsFound => Code is not null;

    public bool IsAmbiguous => Code is null && Candidates.Count > 1;
}
