using SharedServicesPipeline.Pipeline.Reference;
using Xunit;
using static SharedServicesPipeline.Tests.Reference.MatcherAssertions;

namespace SharedServicesPipeline.Tests.Reference;

public sealed class MatcherBodyTests
{
    [Fact]
    public void A_police_force_is_a_police_body_and_never_its_county() => AssertBody("Essex Police", Sector.Police, "police:essex");

    [Fact]
    public void Every_territorial_police_force_is_curated()
    {
        var forces = PublicBodyCatalogue.BuiltIn.Bodies.Count(b => b.Sector == Sector.Police && b.Code.StartsWith("police:", StringComparison.Ordinal)
            && b.Nation is not null);
        Assert.Equal(45, forces); // 43 in England and Wales, Police Scotland, PSNI
    }

    [Theory]
    [InlineData("Essex Constabulary", "police:essex")]
    [InlineData("Thames Valey Police", "police:thames-valley")]
    [InlineData("Borsetshire Constabulary", "police:borsetshire")]
    public void Police_are_recognised_by_their_words_and_keyed_by_place(string name, string code) => AssertBody(name, Sector.Police, code);

    [Fact]
    public void A_police_and_crime_commissioner_is_a_police_body_of_its_own() =>
        AssertBody("Police and Crime Commissioner for Surrey", Sector.Police, "pcc:surrey");

    [Theory]
    [InlineData("Essex County Fire & Rescue Service", "fire:essex")]
    [InlineData("Kent FRS", "fire:kent")]
    [InlineData("Dorset & Wiltshire Fire and Rescue Authority", "fire:dorset-and-wiltshire")]
    [InlineData("London Fire Brigade", "fire:london")]
    public void Fire_and_rescue_services_are_fire_bodies(string name, string code) => AssertBody(name, Sector.Fire, code);

    [Theory]
    [InlineData("NHS Kent and Medway ICB", "health:nhs-kent-and-medway-integrated-care-board")]
    [InlineData("Dorset CCG", "health:dorset-clinical-commissioning-group")]
    [InlineData("Barnet PCT", "health:barnet-primary-care-trust")]
    [InlineData("Leeds Teaching Hospitals NHS Trust", "health:leeds-teaching-hospitals-nhs-trust")]
    [InlineData("NHS England", "health:nhs-england")]
    public void Nhs_bodies_are_health_bodies(string name, string code) => AssertBody(name, Sector.Health, code);

    [Theory]
    [InlineData("Northumberland National Park Authority", "national-park:northumberland")]
    [InlineData("New Forest NPA", "national-park:new-forest")]
    [InlineData("Broads Authority", "national-park:broads")]
    public void National_park_authorities_are_never_the_council_of_the_same_name(string name, string code) =>
        AssertBody(name, Sector.NationalPark, code);

    [Fact]
    public void Other_public_bodies_are_curated() => AssertBody("Environment Agency", Sector.Other, "other:environment-agency");

    [Fact]
    public void A_body_code_is_stable_between_spellings()
    {
        var a = Matcher.Match("NHS Kent and Medway ICB").Authority!;
        var b = Matcher.Match("NHS Kent & Medway Integrated Care Board").Authority!;
        Assert.Equal(a.Code, b.Code);
    }

    [Theory]
    [InlineData("Ambridge Rural Housing Trust")]
    [InlineData("University of Borsetshire")]
    [InlineData("Harrogate Town Council")]
    [InlineData("Ambridge Parish Council")]
    public void An_unrecognised_body_or_a_town_or_parish_council_is_unmatched(string name) => AssertUnmatched(name);

    [Theory]
    [InlineData("DSFRS", "fire:devon-and-somerset")]
    [InlineData("WMFS", "fire:west-midlands")]
    [InlineData("ECFRS", "fire:essex")]
    [InlineData("LFEPA", "fire:london")]
    public void A_fire_services_own_initials_are_curated(string name, string code) => AssertBody(name, Sector.Fire, code);

    [Theory]
    [InlineData("South West SHA", "health:south-west-strategic-health-authority")]
    [InlineData("Betsi Cadwaladr UHB", "health:betsi-cadwaladr")]
    [InlineData("Belfast HSC Trust", "health:belfast-hsc")]
    public void Health_authorities_and_boards_written_short_are_health_bodies(string name, string code) => AssertBody(name, Sector.Health, code);

    [Theory]
    [InlineData("Essex Probation Trust", "other:essex-probation-trust")]
    [InlineData("Hertfordshire LEP", "other:hertfordshire-local-enterprise-partnership")]
    [InlineData("ESPO", "other:espo")]
    [InlineData("YPO", "other:ypo")]
    [InlineData("Local Partnerships LLP", "other:local-partnerships")]
    public void Probation_trusts_enterprise_partnerships_and_councils_purchasing_bodies_are_other_public_bodies(string name, string code) =>
        AssertBody(name, Sector.Other, code);

    [Theory]
    [InlineData("Capita plc")]
    [InlineData("Essex Cares Ltd")]
    [InlineData("Colchester Borough Homes")]
    [InlineData("Saffron Walden Town Council")]
    public void A_company_an_almo_or_a_town_council_is_never_a_council_nor_a_public_body(string name) => AssertUnmatched(name);
}
