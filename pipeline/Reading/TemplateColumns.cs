namespace SharedServicesPipeline.Pipeline.Reading;

/// <summary>The template's own names for its columns, used where a submission has no such column.</summary>
public static class TemplateColumns
{
    public static IReadOnlyList<TemplateColumn> Required { get; } = [TemplateColumn.Arrangement, TemplateColumn.Partners, TemplateColumn.ServiceArea];

    /// <summary>How many columns the template has (the submitting council is not one of them).</summary>
    public const int TemplateCount = (int)TemplateColumn.Submitter;

    /// <summary>Every column a row can hold, the submitting council included.</summary>
    public const int Count = (int)TemplateColumn.Submitter + 1;

    public static string DisplayName(TemplateColumn column) => column switch
    {
        TemplateColumn.LeadAuthority => "Lead authority",
        TemplateColumn.ServiceArea => "Service area",
        TemplateColumn.ArrangementType => "Arrangement type",
        TemplateColumn.StartDate => "Start date",
        TemplateColumn.EndDate => "End date",
        TemplateColumn.AnnualSavings => "Annual savings (£)",
        TemplateColumn.SavingsToDate => "Savings to date (£)",
        TemplateColumn.DeliveryModel => "Delivery model",
        TemplateColumn.ContactName => "Contact name",
        TemplateColumn.ContactEmail => "Contact email",
        TemplateColumn.Submitter => "Submitting council",
        _ => column.ToString(),
    };
}
