using SharedServicesPipeline.Pipeline.Reference;
using Xunit;

namespace SharedServicesPipeline.Tests.Reference;

public sealed class RegisterOverridesTests
{
    private const string PublicLayoutSample =
        """
        local-authority-code,official-name,nice-name,gss-code,start-date,end-date,replaced-by,nation,region,local-authority-type,local-authority-type-name,county-la,lat,long
        AMB,Ambridge District Council,Ambridge,E07999901,2030-04-01,2031-04-01,BST,England,West Midlands,NMD,Non-metropolitan district,BSC,52.10,-2.30
        BST,Borsetshire Council,Borsetshire,E06999901,2031-04-01,,,England,West Midlands,UA,Unitary authority,,52.20,-2.20
        BSC,Borsetshire County Council,Borsetshire County,E10999901,,2031-03-31,BST,England,West Midlands,CTY,County,,52.20,-2.20
        NIR-Z,Old Test Council,Old Test,,,2015-03-31,,Northern Ireland,Northern Ireland,NID,NI district,,,
        ESS,Essex County Council (as renamed),Essex,E10000012,,,,England,East of England,CTY,County,,51.80,0.50
        """;

    [Fact]
    public void Without_an_override_file_the_built_in_register_is_used()
    {
        Assert.Same(AuthorityRegister.BuiltIn, AuthorityRegister.WithOverrides(null));
    }

    [Fact]
    public void A_file_in_the_public_register_layout_adds_authorities_and_overrides_built_in_ones_by_gss_code()
    {
        var register = AuthorityRegister.WithOverrides(new StringReader(PublicLayoutSample));

        var ambridge = register.Find("E07999901");
        Assert.NotNull(ambridge);
        Assert.Equal("Ambridge District Council", ambridge.Name);
        Assert.Equal("Ambridge", ambridge.ShortName);
        Assert.Equal(AuthorityType.District, ambridge.Type);
        Assert.Equal(TierLevel.Lower, ambridge.Tier);
        Assert.Equal(Sector.Council, ambridge.Sector);
        Assert.Equal("England", ambridge.Nation);
        Assert.Equal("West Midlands", ambridge.Region);
        Assert.Equal(new DateOnly(2030, 4, 1), ambridge.ValidFrom);
        Assert.Equal(52.10, ambridge.Latitude);
        Assert.Equal(-2.30, ambridge.Longitude);

        Assert.Equal("Essex County Council (as renamed)", register.Find("E10000012")?.Name);
        Assert.Equal(AuthorityRegister.BuiltIn.Authorities.Count + 3, register.Authorities.Count);
    }

    [Fact]
    public void The_public_layouts_three_letter_successor_and_county_codes_are_mapped_to_gss_codes_through_the_same_file()
    {
        var register = AuthorityRegister.WithOverrides(new StringReader(PublicLayoutSample));

        var ambridge = register.Find("E07999901")!;
        Assert.Equal(["E06999901"], ambridge.SuccessorCodes);
        Assert.Equal("E10999901", ambridge.ParentCode);
    }

    [Fact]
    public void An_end_date_on_1_April_in_the_public_layout_is_the_successors_first_day_so_the_last_day_is_31_March()
    {
        var register = AuthorityRegister.WithOverrides(new StringReader(PublicLayoutSample));

        Assert.Equal(new DateOnly(2031, 3, 31), register.Find("E07999901")!.ValidTo);
        Assert.Equal(new DateOnly(2031, 3, 31), register.Find("E10999901")!.ValidTo);
    }

    [Fact]
    public void Rows_of_the_public_layout_without_a_gss_code_are_skipped_because_they_cannot_be_keyed()
    {
        var register = AuthorityRegister.WithOverrides(new StringReader(PublicLayoutSample));

        Assert.DoesNotContain(register.Authorities, a => a.Name == "Old Test Council");
    }

    [Fact]
    public void A_file_in_our_layout_overrides_a_built_in_row_and_adds_new_ones()
    {
        const string ours =
            """
            code,name,short_name,authority_type,tier_level,parent_code,region,nation,valid_from,valid_to,successor_codes,latitude,longitude
            E07000223,Adur District Council (test),Adur,district,lower,E10000032,South East,England,1974-04-01,,,50.84,-0.30
            E07999902,Loamshire Borough Council,Loamshire,district,lower,E10000032,South East,England,2030-04-01,,,51.00,-0.40
            """;
        var register = AuthorityRegister.WithOverrides(new StringReader(ours));

        Assert.Equal("Adur District Council (test)", register.Find("E07000223")?.Name);
        Assert.Equal("Loamshire", register.Find("E07999902")?.ShortName);
        Assert.Equal(AuthorityRegister.BuiltIn.Authorities.Count + 1, register.Authorities.Count);
    }
}
