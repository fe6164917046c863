namespace SharedServicesPipeline.Pipeline.Reading;

/// <summary>The columns of the canonical submission template.</summary>
public enum TemplateColumn
{
    Reference,
    Arrangement,
    Partners,
    LeadAuthority,
    ServiceArea,
    ArrangementType,
    Description,
    StartDate,
    EndDate,
    Status,
    AnnualSavings,
    SavingsToDate,
    Governance,
    DeliveryModel,
    ContactName,
    ContactEmail,

    /// <summary>
    /// The council sending the return ("Your council", "Submitting authority", or "Council: X" above the header), when
    /// the Partners column lists only the other bodies. Not a template column: it is added to each row's partners.
    /// </summary>
    Submitter,
}
