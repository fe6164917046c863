using SharedServicesPipeline.Pipeline.Loading;
using SharedServicesPipeline.Pipeline.Reference;
using SharedServicesPipeline.Pipeline.Validation;

namespace SharedServicesPipeline.Tests.Mart;

/// <summary>
/// The identity key and the content hash are stored in every mart: a release that computed them otherwise would see every
/// arrangement already loaded as new, or every unchanged resubmission as changed. The expected values were computed outside
/// .NET (Python's hashlib over the documented strings), so the tests pin the format, not just our code's agreement with itself.
/// </summary>
public sealed class ArrangementIdentityTests
{
    private static readonly Authority Essex = AuthorityRegister.BuiltIn.Find("E10000012")!;
    private static readonly Authority Basildon = AuthorityRegister.BuiltIn.Find("E07000066")!;

    private static ArrangementRecord Record(string? reference = "SS-001") => new()
    {
        Sheet = "Arrangements",
        RowNumber = 2,
        Reference = reference,
        Title = "Shared ICT & HR service",
        Description = "One team for both councils; £ savings",
        ServiceArea = new ServiceArea("ICT", "Back office"),
        Category = "Back office",
        StartDate = new DateOnly(2011, 4, 1),
        Status = "Live",
        AnnualSavings = 250000m,
        Governance = "Joint committee",
        DeliveryModel = "Shared service",
        Partners = [Essex, Basildon],
        Lead = Essex,
    };

    [Fact]
    public void Identity_of_a_referenced_arrangement_is_the_hash_of_its_lead_and_normalised_reference()
    {
        // "ref|E10000012|ss001"
        Assert.Equal("5bcc849ea71b607496e0354309253c0d8aec27aa3b11f9637f42594a57efdfce", ArrangementIdentity.KeyOf(Record()));
    }

    [Fact]
    public void Identity_without_a_reference_is_the_hash_of_the_normalised_title_and_the_sorted_partner_codes()
    {
        // "tp|sharedictandhrservice|E07000066,E10000012": "&" reads as "and"; the partners' order does not matter
        Assert.Equal("267b29f1b7fa94ba4d6e837b5fd5b8f46811039a961f2a8ec56658e18677a5e6", ArrangementIdentity.KeyOf(Record(reference: null)));
        Assert.Equal(ArrangementIdentity.KeyOf(Record(reference: null)), ArrangementIdentity.KeyOf(Record(reference: null) with { Partners = [Basildon, Essex] }));
    }

    [Fact]
    public void Content_hash_is_the_hash_of_every_submitted_field_joined_by_the_unit_separator()
    {
        // SS-001␟Shared ICT & HR service␟One team for both councils; £ savings␟ICT␟Back office␟2011-04-01␟False␟␟Live␟250000␟␟
        // Joint committee␟Shared service␟E07000066,E10000012␟E10000012
        Assert.Equal("49bb353e7a2294ff50d3bacbf762cc3affccd5776ef8f453ee8272a08c39d5a4", ArrangementIdentity.ContentHashOf(Record()));
    }

    [Fact]
    public void Content_hash_changes_with_any_field_and_not_with_the_row_it_was_read_from()
    {
        var hash = ArrangementIdentity.ContentHashOf(Record());

        Assert.Equal(hash, ArrangementIdentity.ContentHashOf(Record() with { Sheet = "Other", RowNumber = 99 }));
        Assert.NotEqual(hash, ArrangementIdentity.ContentHashOf(Record() with { AnnualSavings = 250001m }));
        Assert.NotEqual(hash, ArrangementIdentity.ContentHashOf(Record() with { Description = new string('x', 5000) }));
    }
}
