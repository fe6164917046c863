using SharedServicesPipeline.Pipeline.Reading;
using SharedServicesPipeline.Pipeline.Submissions;

namespace SharedServicesPipeline.Pipeline.Validation;

/// <summary>
/// The authority a return names above its header, judged against the register: one council is added to the partners of
/// the rows that omit it (said back once per sheet) and its code recorded; anything else (a group of councils, a body
/// we do not know) is recorded as written and never held against a row.
/// </summary>
internal static class TitleBlockAuthority
{
    /// <summary>The sheet's one warning about the authority named above its header, or null when it names none.</summary>
    public static SubmissionProblem? SayOnce(SheetLayout layout, ArrangementValidator validator)
    {
        if (layout.Submitter is not { } named || layout.Has(TemplateColumn.Submitter))
        {
            return null;
        }

        return validator.CouncilNamed(named) is not null
            ? new SubmissionProblem(
                ProblemSeverity.Warning,
                "partners.submitter-added",
                $"{named}, named above the table as the council sending the return, was added to the partners of every arrangement on this sheet "
                + "that does not already name it (the template asks for your own council among the partners). If an arrangement does not include it, list that arrangement's partners in full on a return of its own.",
                layout.Sheet,
                layout.SubmitterRow,
                null,
                named)
            : new SubmissionProblem(
                ProblemSeverity.Warning,
                "return.authority-not-added",
                $"'{named}', named above the table as who sends the return, is not one council we know, so it was recorded as the return's authority as written "
                + "and not added to any arrangement's partners: each row's own partners were used. If the rows leave out your own council, add it to their partners.",
                layout.Sheet,
                layout.SubmitterRow,
                null,
                named);
    }

    /// <summary>The return's description for the report and the mart: the authority as written, its code when it is one council, the period.</summary>
    public static ReturnDescription? Describe(TitleBlock? title, ArrangementValidator validator) =>
        title is null || title.IsEmpty
            ? null
            : new ReturnDescription(title.Authority, title.Authority is { } named ? validator.CouncilNamed(named)?.Code : null, title.Period);
}
