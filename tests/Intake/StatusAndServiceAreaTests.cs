using SharedServicesPipeline.Pipeline.Validation;
using SharedServicesPipeline.Pipeline.Reference;

namespace SharedServicesPipeline.Tests.Intake;

/// <summary>Statuses and service areas in councils' own words (Data/statuses.csv, Data/service_areas.csv).</summary>
public sealed class StatusAndServiceAreaTests
{
    [Theory]
    [InlineData("Operational", "Live")]
    [InlineData("In place", "Live")]
    [InlineData("Established", "Live")]
    [InlineData("Live (since 2010)", "Live")]
    [InlineData("LIVE", "Live")]
    [InlineData("Under discussion", "Planned")]
    [InlineData("Exploring", "Planned")]
    [InlineData("Planned for April 2013", "Planned")]
    [InlineData("Discontinued", "Ended")]
    [InlineData("Ended 2014", "Ended")]
    [InlineData("Ceased - merged into the county service", "Ended")]
    [InlineData("Fully implemented", "Live")]
    [InlineData("Partially implemented", "Live")]
    [InlineData("Development", "Planned")]
    [InlineData("Trial", "Planned")]
    public void A_status_in_the_councils_words_reads_as_live_planned_or_ended(string text, string expected)
    {
        Assert.Equal(expected, StatusVocabulary.BuiltIn.Resolve(text, out var ambiguous));
        Assert.False(ambiguous);
    }

    [Theory]
    [InlineData("Completed")]
    [InlineData("Complete")]
    public void Completed_could_mean_in_place_or_finished_so_it_is_left_blank_as_ambiguous(string text)
    {
        Assert.Null(StatusVocabulary.BuiltIn.Resolve(text, out var ambiguous));
        Assert.True(ambiguous);
    }

    [Theory]
    [InlineData("Not live")]
    [InlineData("Amber")]
    public void A_status_that_is_none_of_them_is_not_guessed(string text)
    {
        Assert.Null(StatusVocabulary.BuiltIn.Resolve(text, out var ambiguous));
        Assert.False(ambiguous);
    }

    [Theory]
    [InlineData("R&B", "Revenues and benefits")]
    [InlineData("Land charges", "Planning")]
    [InlineData("Registrars", "Registration services")]
    [InlineData("Coast protection", "Flood and coastal protection")]
    [InlineData("School improvement", "Children's services")]
    [InlineData("Fostering and adoption", "Children's services")]
    [InlineData("Planning\npolicy", "Planning")]
    [InlineData("Car parks", "Transport")]
    [InlineData("Joint CEO", "Shared chief executive")]
    [InlineData("Health and safety", "HR")]
    public void Service_areas_as_councils_name_them_resolve_to_the_taxonomy(string text, string expected) =>
        Assert.Equal(expected, ServiceAreaTaxonomy.BuiltIn.Resolve(text)?.Name);

    [Fact]
    public void Several_services_of_one_category_in_a_cell_load_under_that_categorys_umbrella_area_and_are_listed()
    {
        var area = ServiceAreaTaxonomy.BuiltIn.Resolve("ICT, HR and Finance", out var several);

        Assert.Equal(("Back office", "Back office"), (area?.Name, area?.Category));
        Assert.Equal(["ICT", "HR", "Finance"], several!.Select(a => a.Name));
    }

    [Fact]
    public void Several_services_of_different_categories_load_under_the_first_named()
    {
        var area = ServiceAreaTaxonomy.BuiltIn.Resolve("Revenues, benefits and customer services", out var several);

        Assert.Equal("Revenues and benefits", area?.Name);
        Assert.Equal(["Revenues and benefits", "Customer contact centre"], several!.Select(a => a.Name));
    }

    [Fact]
    public void A_cell_with_any_service_not_in_the_taxonomy_is_unrecognised_as_a_whole() =>
        Assert.Null(ServiceAreaTaxonomy.BuiltIn.Resolve("ICT and beekeeping", out _));
}
