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
}
