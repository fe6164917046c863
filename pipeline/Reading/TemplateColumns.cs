namespace SharedServicesPipeline.Pipeline.Reading;

/// <summary>The template's own names for its columns, used where a submission has no such column.</summary>
public static class TemplateColumns
{
    public static IReadOnlyList<TemplateColumn> Required { get; } = [TemplateColumn.Arrangement, TemplateColumn.Partners, TemplateColumn.ServiceArea];

    /// <summary>How many columns the template has (the submitting council is not one of them).</summary>
    public const int TemplateCount = (int)TemplateColumn.Submitter;

    /// <summary>Every column a row can hold, the submitting council included.</summary>
    public const int Count = (int)TemplateColumn.Submitter + 1;

    /// <summary>The template's columns in its order (the submitting council is not one of them).</summary>
    public static IReadOnlyList<TemplateColumn> InTemplate { get; } = [.. Enum.GetValues<TemplateColumn>().Where(c => c != TemplateColumn.Submitter)];

    public static bool IsRequired(TemplateColumn column) => Required.Contains(column);

    /// <summary>What the column is for, as the template's guidance and header notes say it.</summary>
    public static string Description(TemplateColumn column) => column switch
    {
        TemplateColumn.Reference => "Your own id for the arrangement. Keep it the same in every return: it is how the arrangement is recognised when you send it again.",
        TemplateColumn.Arrangement => "The arrangement's title: a short name, e.g. 'Shared legal service'.",
        TemplateColumn.Partners => "Every council and other public body taking part, your own council included, separated by ';' or on new lines. At least two, at least one a council.",
        TemplateColumn.LeadAuthority => "The partner that hosts, employs or contracts for the others: one of the partners, chosen from the list.",
        TemplateColumn.ServiceArea => "What is shared: choose from the list (other names are read too, with a warning).",
        TemplateColumn.ArrangementType => "Shared management, Back office or Front office. Leave blank to take it from the service area.",
        TemplateColumn.Description => "Free text about the arrangement.",
        TemplateColumn.StartDate => "When the arrangement started or will start, day first (01/04/2011); a month or a year if that is all you know.",
        TemplateColumn.EndDate => "When it ended or will end, day first (31/03/2015). Blank if it is open-ended.",
        TemplateColumn.Status => "Live, Planned or Ended.",
        TemplateColumn.AnnualSavings => "The recurring saving per year, all partners together, in pounds (e.g. 40000).",
        TemplateColumn.SavingsToDate => "The total saved so far, in pounds.",
        TemplateColumn.Governance => "How the arrangement is governed: choose from the list.",
        TemplateColumn.DeliveryModel => "How the service is delivered: choose from the list.",
        TemplateColumn.ContactName => "The officer to contact about this row. Personal data: kept for queries, never published.",
        TemplateColumn.ContactEmail => "That officer's email. Personal data: kept for queries, never published.",
        _ => "The council sending the return, when Partners lists only the other bodies.",
    };

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
