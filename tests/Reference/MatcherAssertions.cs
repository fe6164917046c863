using SharedServicesPipeline.Pipeline.Reference;
using Xunit;

namespace SharedServicesPipeline.Tests.Reference;

/// <summary>Short assertions for the matcher's spec tests.</summary>
internal static class MatcherAssertions
{
    public static IAuthorityMatcher Matcher { get; } = AuthorityMatcher.CreateBuiltIn();

    public static DateOnly? Date(string? iso) => iso is null ? null : DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    public static MatchResult AssertMatched(string name, string? asOf, params string[] codes) =>
        AssertMatched(Matcher, name, asOf, codes);

    public static MatchResult AssertMatched(IAuthorityMatcher matcher, string name, string? asOf, params string[] codes)
    {
        var result = matcher.Match(name, Date(asOf));
        Assert.True(result.Status == MatchStatus.Matched,
            $"'{name}' should match [{string.Join(";", codes)}] but was {result.Status} " +
            $"[{string.Join(";", result.Authorities.Concat(result.Candidates.Select(c => c.Authority)).Select(a => a.Code))}]");
        Assert.Equal(codes.Order(StringComparer.Ordinal), result.Authorities.Select(a => a.Code).Order(StringComparer.Ordinal));
        return result;
    }

    public static MatchResult AssertAmbiguous(string name, string? asOf, params string[] candidateCodes)
    {
        var result = Matcher.Match(name, Date(asOf));
        Assert.True(result.Status == MatchStatus.Ambiguous, $"'{name}' should be ambiguous but was {result.Status} [{string.Join(";", result.Authorities.Select(a => a.Code))}]");
        Assert.Empty(result.Authorities);
        Assert.InRange(result.Candidates.Count, 2, 3);
        foreach (var code in candidateCodes)
        {
            Assert.Contains(result.Candidates, c => c.Authority.Code == code);
        }

        return result;
    }

    public static MatchResult AssertBody(string name, Sector sector, string code)
    {
        var result = Matcher.Match(name);
        Assert.True(result.Status == MatchStatus.Body, $"'{name}' should be a {sector} body but was {result.Status}");
        var body = Assert.Single(result.Authorities);
        Assert.Equal(sector, body.Sector);
        Assert.Equal(code, body.Code);
        Assert.False(body.IsCouncil);
        return result;
    }

    public static MatchResult AssertUnmatched(string name, string? asOf = null)
    {
        var result = Matcher.Match(name, Date(asOf));
        Assert.True(result.Status == MatchStatus.Unmatched,
            $"'{name}' should be unmatched but was {result.Status} [{string.Join(";", result.Authorities.Select(a => a.Code))}]");
        Assert.Empty(result.Authorities);
        return result;
    }
}
