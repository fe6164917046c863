using SharedServicesPipeline.Pipeline.Reference;
using Xunit;
using static SharedServicesPipeline.Tests.Reference.MatcherAssertions;

namespace SharedServicesPipeline.Tests.Reference;

public sealed class MatcherAliasTests
{
    [Theory]
    [InlineData("BANES", "E06000022")]
    [InlineData("RBKC", "E09000020")]
    [InlineData("LBHF", "E09000013")]
    [InlineData("BCP", "E06000058")]
    [InlineData("KCC", "E10000016")]
    [InlineData("Shepway DC", "E07000112")]
    public void Common_abbreviations_and_former_names_are_aliases(string name, string code) => AssertMatched(name, null, code);

    [Theory]
    [InlineData("Cyngor Sir Ynys Môn", "W06000001")]
    [InlineData("Cyngor Gwynedd", "W06000002")]
    [InlineData("Cyngor Bwrdeistref Sirol Conwy", "W06000003")]
    [InlineData("Cyngor Sir Ddinbych", "W06000004")]
    [InlineData("Cyngor Sir y Fflint", "W06000005")]
    [InlineData("Cyngor Bwrdeistref Sirol Wrecsam", "W06000006")]
    [InlineData("Cyngor Sir Ceredigion", "W06000008")]
    [InlineData("Cyngor Sir Penfro", "W06000009")]
    [InlineData("Cyngor Sir Gâr", "W06000010")]
    [InlineData("Cyngor Dinas a Sir Abertawe", "W06000011")]
    [InlineData("Cyngor Bwrdeistref Sirol Castell-nedd Port Talbot", "W06000012")]
    [InlineData("Cyngor Bwrdeistref Sirol Pen-y-bont ar Ogwr", "W06000013")]
    [InlineData("Cyngor Bro Morgannwg", "W06000014")]
    [InlineData("Cyngor Caerdydd", "W06000015")]
    [InlineData("Cyngor Bwrdeistref Sirol Rhondda Cynon Taf", "W06000016")]
    [InlineData("Cyngor Bwrdeistref Sirol Caerffili", "W06000018")]
    [InlineData("Cyngor Bwrdeistref Sirol Blaenau Gwent", "W06000019")]
    [InlineData("Cyngor Bwrdeistref Sirol Torfaen", "W06000020")]
    [InlineData("Cyngor Sir Fynwy", "W06000021")]
    [InlineData("Cyngor Dinas Casnewydd", "W06000022")]
    [InlineData("Cyngor Sir Powys", "W06000023")]
    [InlineData("Cyngor Bwrdeistref Sirol Merthyr Tudful", "W06000024")]
    public void Every_welsh_council_is_known_by_its_welsh_name(string name, string code) => AssertMatched(name, null, code);

    [Fact]
    public void A_group_alias_maps_to_all_its_members() =>
        AssertMatched("Tri-borough", null, "E09000013", "E09000020", "E09000033");

    [Fact]
    public void A_multi_council_name_resolves_to_every_council_it_names()
    {
        AssertMatched("Adur & Worthing Councils", null, "E07000223", "E07000229");
        AssertMatched("Babergh and Mid Suffolk District Councils", null, "E07000200", "E07000203");
        AssertMatched("Devon County Council & Torbay Council", null, "E10000008", "E06000027");
    }

    [Fact]
    public void A_list_with_a_part_that_is_not_a_council_is_not_matched() =>
        AssertUnmatched("Cambridgeshire and Borsetshire Councils");

    [Fact]
    public void An_operators_alias_file_adds_aliases_and_overrides_built_in_ones_without_a_release()
    {
        const string aliases =
            """
            alias,codes,kind,note
            Borsetshire Shared Services,E07000223;E07000229,group,operator's group
            Nottinghamshire Partnership,E10000024,name,
            Richmond,E09000027,name,this operator's arrangements are all in London
            """;
        var matcher = AuthorityMatcher.Create(null, new StringReader(aliases));

        AssertMatched(matcher, "Borsetshire Shared Services", null, "E07000223", "E07000229");
        AssertMatched(matcher, "Nottinghamshire Partnership", null, "E10000024");
        AssertMatched(matcher, "Richmond", null, "E09000027");
        Assert.Equal(MatchStatus.Ambiguous, Matcher.Match("Richmond").Status); // the built-in matcher is unchanged
    }

    [Fact]
    public void An_operators_register_file_adds_councils_that_the_matcher_then_finds()
    {
        const string register =
            """
            code,name,short_name,authority_type,tier_level,parent_code,region,nation,valid_from,valid_to,successor_codes,latitude,longitude
            E06999999,Borsetshire Council,Borsetshire,unitary,single,,West Midlands,England,2030-04-01,,,52.2,-2.2
            """;
        var matcher = AuthorityMatcher.Create(new StringReader(register), null);

        AssertMatched(matcher, "Borsetshire Council", "2031-01-01", "E06999999");
        AssertUnmatched("Borsetshire Council");
    }

    [Fact]
    public void A_bad_alias_row_is_skipped_and_does_not_stop_the_matcher()
    {
        const string aliases =
            """
            alias,codes,kind
            ,E10000012,name
            Nowhere,E99999999,name
            Good Essex,E10000012,
            """;
        var matcher = AuthorityMatcher.Create(null, new StringReader(aliases));

        AssertMatched(matcher, "Good Essex", null, "E10000012");
        Assert.Equal(MatchStatus.Unmatched, matcher.Match("Nowhere").Status);
    }
}
