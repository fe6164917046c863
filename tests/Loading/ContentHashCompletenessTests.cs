using System.Reflection;
using SharedServicesPipeline.Pipeline.Loading;
using SharedServicesPipeline.Pipeline.Reference;
using SharedServicesPipeline.Pipeline.Validation;

namespace SharedServicesPipeline.Tests.Loading;

/// <summary>
/// The content hash decides whether a resubmitted arrangement changed. A field of <see cref="ArrangementRecord"/> left
/// out of it would make a changed resubmission count as unchanged, silently: so every field must move the hash, except
/// those listed here with the reason they describe where the row was, not what was submitted.
/// </summary>
public sealed class ContentHashCompletenessTests
{
    private static readonly Dictionary<string, string> NotContent = new(StringComparer.Ordinal)
    {
        [nameof(ArrangementRecord.Sheet)] = "where the row sat in the file, not what it says",
        [nameof(ArrangementRecord.RowNumber)] = "where the row sat in the file, not what it says",
    };

    private static readonly Authority Essex = AuthorityRegister.BuiltIn.Find("E10000012")!;
    private static readonly Authority Basildon = AuthorityRegister.BuiltIn.Find("E07000066")!;
    private static readonly Authority Thurrock = AuthorityRegister.BuiltIn.Find("E06000034")!;

    private static readonly ArrangementRecord Original = new()
    {
        Sheet = "Arrangements",
        RowNumber = 2,
        Reference = "SS-001",
        Title = "Shared ICT service",
        Description = "One team",
        ServiceArea = new ServiceArea("ICT", "Back office"),
        Category = "Back office",
        StartDate = new DateOnly(2011, 4, 1),
        StartDateIsApproximate = false,
        EndDate = new DateOnly(2016, 3, 31),
        Status = "Live",
        AnnualSavings = 250000m,
        SavingsToDate = 1000000m,
        Governance = "Joint committee",
        DeliveryModel = "Shared service",
        Partners = [Essex, Basildon],
        Lead = Essex,
    };

    /// <summary>Each field of the record with a different value; a new field fails until it is added here.</summary>
    private static readonly Dictionary<string, Func<ArrangementRecord, ArrangementRecord>> Changes = new(StringComparer.Ordinal)
    {
        [nameof(ArrangementRecord.Sheet)] = r => r with { Sheet = "Other" },
        [nameof(ArrangementRecord.RowNumber)] = r => r with { RowNumber = 3 },
        [nameof(ArrangementRecord.Reference)] = r => r with { Reference = "SS-002" },
        [nameof(ArrangementRecord.Title)] = r => r with { Title = "Shared HR service" },
        [nameof(ArrangementRecord.Description)] = r => r with { Description = "Two teams" },
        [nameof(ArrangementRecord.ServiceArea)] = r => r with { ServiceArea = new ServiceArea("HR", "Back office") },
        [nameof(ArrangementRecord.Category)] = r => r with { Category = "Front office" },
        [nameof(ArrangementRecord.StartDate)] = r => r with { StartDate = new DateOnly(2012, 4, 1) },
        [nameof(ArrangementRecord.StartDateIsApproximate)] = r => r with { StartDateIsApproximate = true },
        [nameof(ArrangementRecord.EndDate)] = r => r with { EndDate = null },
        [nameof(ArrangementRecord.Status)] = r => r with { Status = "Ended" },
        [nameof(ArrangementRecord.AnnualSavings)] = r => r with { AnnualSavings = 250001m },
        [nameof(ArrangementRecord.SavingsToDate)] = r => r with { SavingsToDate = null },
        [nameof(ArrangementRecord.Governance)] = r => r with { Governance = "Lead authority" },
        [nameof(ArrangementRecord.DeliveryModel)] = r => r with { DeliveryModel = "Outsourced" },
        [nameof(ArrangementRecord.Partners)] = r => r with { Partners = [Essex, Basildon, Thurrock] },
        [nameof(ArrangementRecord.Lead)] = r => r with { Lead = Basildon },
    };

    [Fact]
    public void Every_field_of_the_arrangement_record_has_a_change_to_try()
    {
        var fields = typeof(ArrangementRecord).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.Name != "EqualityContract").Select(p => p.Name).Order(StringComparer.Ordinal);
        Assert.Equal(fields, Changes.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Changing_any_submitted_field_changes_the_content_hash()
    {
        var original = ArrangementIdentity.ContentHashOf(Original);
        var missing = Changes
            .Where(c => !NotContent.ContainsKey(c.Key))
            .Where(c => ArrangementIdentity.ContentHashOf(c.Value(Original)) == original)
            .Select(c => c.Key)
            .ToList();
        Assert.True(missing.Count == 0, $"Left out of the content hash: {string.Join(", ", missing)}. Add each to ArrangementIdentity.ContentHashOf.");
    }

    [Fact]
    public void Where_the_row_sat_does_not_change_the_content_hash()
    {
        var original = ArrangementIdentity.ContentHashOf(Original);
        Assert.All(NotContent.Keys, field => Assert.Equal(original, ArrangementIdentity.ContentHashOf(Changes[field](Original))));
    }
}
