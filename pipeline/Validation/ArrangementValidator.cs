using SharedServicesPipeline.Pipeline.Reading;
using SharedServicesPipeline.Pipeline.Reference;
using SharedServicesPipeline.Pipeline.Submissions;

namespace SharedServicesPipeline.Pipeline.Validation;

/// <summary>Validates one submitted row and resolves its partners, saying precisely what is wrong with a bad one.</summary>
public sealed class ArrangementValidator
{
    private readonly IAuthorityMatcher _matcher;
    private readonly ServiceAreaTaxonomy _taxonomy;

    public ArrangementValidator(IAuthorityMatcher matcher, ServiceAreaTaxonomy taxonomy)
    {
        _matcher = matcher;
        _taxonomy = taxonomy;
    }

    /// <summary>
    /// This validator for one submission's rows: its matcher charges <paramref name="work"/> for the partner names it
    /// splits and the names it works out (<see cref="ChargedMatcher"/>), before it does the work.
    /// </summary>
    public ArrangementValidator Charging(WorkBudget work) => new(new ChargedMatcher(_matcher, work), _taxonomy);

    // The mart's column sizes: longer text cannot be stored.
    internal const int MaxTitleLength = ArrangementLimits.Title;
    internal const int MaxReferenceLength = ArrangementLimits.Reference;
    internal const int MaxDescriptionLength = ArrangementLimits.Description;

    /// <summary>
    /// As <see cref="Validate(SubmissionRow)"/>, for a row a council submitted from its own folder: a row that would load
    /// but is not the council's arrangement is held for review instead (<see cref="CouncilParty"/>).
    /// </summary>
    public RowVerdict Validate(SubmissionRow row, SubmittingCouncil? council)
    {
        var verdict = Validate(row);
        if (council is null || verdict.Outcome != RowOutcome.Accepted || CouncilParty.Includes(verdict.Record!, council.Code, _matcher.Register))
        {
            return verdict;
        }

        List<SubmissionProblem> problems = [.. verdict.Problems, CouncilParty.Problem(verdict.Record!, council, row.Layout.HeaderFor(TemplateColumn.Partners))];
        return new RowVerdict(RowOutcome.Held, null, ToHeld(row, [], problems), problems);
    }

    /// <summary>The council of a stored GSS code (a held row's submitter), named from the register; null for none.</summary>
    public SubmittingCouncil? CouncilOf(string? code) =>
        code is null ? null : new SubmittingCouncil(code, _matcher.Register.Find(code)?.Name ?? code);

    public RowVerdict Validate(SubmissionRow row)
    {
        var problems = new List<SubmissionProblem>();
        void Problem(ProblemSeverity severity, string code, string message, TemplateColumn? column, object? value = null) =>
            problems.Add(new SubmissionProblem(severity, code, message, row.Sheet, row.RowNumber,
                column is { } c ? row.Layout.HeaderFor(c) : null, CellText.Of(value) is { } text ? Shorten(text) : null));

        if (row.ContinuesNothing)
        {
            // Its partner belongs to an arrangement the submitter can see and we cannot: judging the row alone would only add noise.
            PartnersProblem(row, problems, "row.no-arrangement-above",
                "This row adds a partner, but there is no arrangement above it to add it to (the row above is blank or the header). "
                + "Move it under its arrangement's first row with no blank row between, or give it a title, service area and the other partners as an arrangement of its own.");
            return new RowVerdict(RowOutcome.Rejected, null, null, problems);
        }

        var title = OneLine(row.Text(TemplateColumn.Arrangement));
        if (title is null)
        {
            Problem(ProblemSeverity.RowError, "title.missing", "The arrangement has no title. Give it a short name, e.g. 'Shared legal service'.", TemplateColumn.Arrangement);
        }
        else if (title.Length > MaxTitleLength)
        {
            Problem(ProblemSeverity.RowError, "title.too-long", $"The title is {title.Length:N0} characters long; the limit is {MaxTitleLength}. Put the detail in Description and keep the title short.", TemplateColumn.Arrangement, title);
        }

        var reference = OneLine(row.Text(TemplateColumn.Reference));
        if (reference is { Length: > MaxReferenceLength })
        {
            Problem(ProblemSeverity.RowError, "reference.too-long", $"The reference is {reference.Length:N0} characters long; the limit is {MaxReferenceLength}. Use a short reference of your own, e.g. 'SDC/01'.", TemplateColumn.Reference, reference);
        }

        var description = row.Text(TemplateColumn.Description);
        if (description is { Length: > MaxDescriptionLength })
        {
            Problem(ProblemSeverity.Warning, "description.truncated", $"The description is {description.Length:N0} characters long; only the first {MaxDescriptionLength:N0} were loaded.", TemplateColumn.Description, description);
            // Never half an emoji: a cut between a surrogate pair leaves text no encoder accepts.
            description = description[..(char.IsHighSurrogate(description[MaxDescriptionLength - 1]) ? MaxDescriptionLength - 1 : MaxDescriptionLength)];
        }

        var serviceText = row.Text(TemplateColumn.ServiceArea);
        var serviceArea = _taxonomy.Resolve(serviceText, out var several);
        if (serviceText is null)
        {
            Problem(ProblemSeverity.RowError, "service-area.missing", "The service area is blank. Say which service is shared, e.g. Legal, ICT, Waste collection.", TemplateColumn.ServiceArea);
        }
        else if (several is not null)
        {
            Problem(ProblemSeverity.Warning, "service-area.several",
                $"This names {several.Count} service areas ({string.Join(", ", several.Select(a => a.Name))}); the arrangement was loaded under {serviceArea!.Name}"
                + $"{(several.All(a => a.Category == several[0].Category) ? $", which covers them all as {serviceArea.Category}" : ", the first named")}. To record each service, give each its own row.",
                TemplateColumn.ServiceArea, serviceText);
        }
        else if (serviceArea is null)
        {
            serviceArea = new ServiceArea(serviceText, ServiceAreaTaxonomy.OtherCategory);
            Problem(ProblemSeverity.Warning, "service-area.unrecognised", "This service area is not in our list; it was loaded under category Other. Use a listed name if one fits.", TemplateColumn.ServiceArea, serviceText);
        }

        var typeText = row.Text(TemplateColumn.ArrangementType);
        var category = ServiceAreaTaxonomy.CategoryOfType(typeText);
        if (typeText is not null && category is null)
        {
            Problem(ProblemSeverity.Warning, "type.unrecognised", "Arrangement type should be Shared management, Back office or Front office; the service area's category was used.", TemplateColumn.ArrangementType, typeText);
        }

        var start = DateParser.Parse(row[TemplateColumn.StartDate]);
        var end = DateParser.Parse(row[TemplateColumn.EndDate], end: true);
        if (!DateProblem(row, TemplateColumn.StartDate, start, "start", Problem) && start.IsApproximate)
        {
            Problem(ProblemSeverity.Warning, "date.approximate",
                $"Read as {start.Value:dd/MM/yyyy}{(start.Note is { } note ? $", {note}" : "")} (approximate). Give the exact start date if you know it.", TemplateColumn.StartDate, row[TemplateColumn.StartDate]);
        }

        DateProblem(row, TemplateColumn.EndDate, end, "end", Problem);

        if (start.Value is { } s && end.Value is { } e && e < s)
        {
            Problem(ProblemSeverity.RowError, "date.end-before-start", $"The end date {e:dd/MM/yyyy} is before the start date {s:dd/MM/yyyy}. Correct one of them.", TemplateColumn.EndDate, row[TemplateColumn.EndDate]);
        }

        var annual = Money(row, TemplateColumn.AnnualSavings, annualColumn: true, Problem);
        var toDate = Money(row, TemplateColumn.SavingsToDate, annualColumn: false, Problem);

        var statusText = row.Text(TemplateColumn.Status);
        var status = StatusVocabulary.BuiltIn.Resolve(statusText, out var ambiguous);
        if (ambiguous)
        {
            Problem(ProblemSeverity.Warning, "status.ambiguous", $"'{statusText}' could mean the arrangement is in place or that it has finished, so the status was left blank. Write Live or Ended.", TemplateColumn.Status, statusText);
        }
        else if (statusText is not null && status is null)
        {
            Problem(ProblemSeverity.Warning, "status.unrecognised", "Status should be Live, Planned or Ended; it was left blank.", TemplateColumn.Status, statusText);
        }

        var governanceText = row.Text(TemplateColumn.Governance);
        var governance = ChoiceNormaliser.Governance(governanceText) ?? governanceText;
        var deliveryText = row.Text(TemplateColumn.DeliveryModel);
        var delivery = ChoiceNormaliser.DeliveryModel(deliveryText) ?? deliveryText;

        var (partners, unresolved) = ResolvePartners(row, start.Value, problems);
        var lead = unresolved.Count == 0 ? ResolveLead(row, start.Value, partners, Problem) : null;

        if (unresolved.Count == 0 && partners.Count < 2 && !problems.Any(p => p.Code.StartsWith("partner", StringComparison.Ordinal)))
        {
            PartnersProblem(row, problems, "partners.too-few", $"An arrangement needs at least two partners; found {partners.Count}. List every partner, your own council included, separated by ';' or new lines.");
        }
        else if (unresolved.Count == 0 && partners.Count >= 2 && !partners.Any(p => p.IsCouncil))
        {
            PartnersProblem(row, problems, "partners.no-council", "None of the partners is a council. At least one partner must be a council.");
        }

        var rowErrors = problems.Any(p => p.Severity == ProblemSeverity.RowError);
        if (unresolved.Count > 0 && !problems.Any(p => p.Severity == ProblemSeverity.RowError && !p.Code.StartsWith("partner.", StringComparison.Ordinal)))
        {
            return new RowVerdict(RowOutcome.Held, null, ToHeld(row, unresolved, problems), problems);
        }

        if (rowErrors || unresolved.Count > 0)
        {
            return new RowVerdict(RowOutcome.Rejected, null, null, problems);
        }

        var record = new ArrangementRecord
        {
            Sheet = row.Sheet,
            RowNumber = row.RowNumber,
            Reference = reference,
            Title = title!,
            Description = description,
            ServiceArea = serviceArea!,
            Category = category ?? serviceArea!.Category,
            StartDate = start.Value,
            StartDateIsApproximate = start.IsApproximate,
            EndDate = end.Value,
            Status = status,
            AnnualSavings = annual,
            SavingsToDate = toDate,
            Governance = governance,
            DeliveryModel = delivery,
            Partners = [.. partners], // exact-size array: 100,000 records each keep one
            Lead = lead,
        };
        return new RowVerdict(RowOutcome.Accepted, record, null, problems);
    }

    private static decimal? Money(SubmissionRow row, TemplateColumn column, bool annualColumn, Action<ProblemSeverity, string, string, TemplateColumn?, object?> problem)
    {
        var parsed = MoneyParser.Parse(row[column], annualColumn, row.Layout.ScaleOf(column));
        if (parsed.IsError)
        {
            problem(ProblemSeverity.RowError, parsed.ErrorCode ?? MoneyParser.InvalidCode, parsed.Error!, column, row[column]);
        }
        else if (parsed.WarningCode is { } code)
        {
            problem(ProblemSeverity.Warning, code, parsed.Note!, column, row[column]);
        }

        return parsed.Value;
    }

    // A title or reference pasted from Word or an email: line breaks, tabs and non-breaking spaces become single spaces.
    /// <summary>The date cell's error, or the warning its parse carries (a range, a note left out); true when there was one.</summary>
    private static bool DateProblem(SubmissionRow row, TemplateColumn column, ParsedValue<DateOnly> date, string which, Action<ProblemSeverity, string, string, TemplateColumn?, object?> problem)
    {
        if (date.IsError)
        {
            problem(ProblemSeverity.RowError, "date.invalid", date.Error!, column, row[column]);
        }
        else if (date.WarningCode is { } code)
        {
            problem(ProblemSeverity.Warning, code, $"{date.Note}{(date.IsApproximate ? " (approximate)" : "")}. Check the {which} date.", column, row[column]);
        }

        return date.IsError || date.WarningCode is not null;
    }

    private static string? OneLine(string? text)
    {
        if (text is null || !text.AsSpan().ContainsAny(Untidy))
        {
            return text;
        }

        var tidy = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            var space = char.IsWhiteSpace(c);
            if (space && (tidy.Length == 0 || tidy[^1] == ' '))
            {
                continue;
            }

            tidy.Append(space ? ' ' : c);
        }

        return tidy.ToString().TrimEnd();
    }

    private static readonly System.Buffers.SearchValues<char> Untidy = System.Buffers.SearchValues.Create("\r\n\t\u00A0\u2007\u202F");

    private (List<Authority> Partners, List<string> Unresolved) ResolvePartners(SubmissionRow row, DateOnly? asOf, List<SubmissionProblem> problems)
    {
        var partnersHeader = row.Layout.HeaderFor(TemplateColumn.Partners);
        // Each name with the row it was written on: a continuation row or a partners sheet's row, else the arrangement's own.
        var names = new List<(string Name, string? Tier, string NameColumn, string? TierColumn, string Sheet, int Row)>();
        if (row.PartnerSources is { } sources)
        {
            foreach (var source in sources)
            {
                names.AddRange(_matcher.SplitPartners(source.Text).Select(n => (n, (string?)null, source.Column, (string?)null, source.Sheet, source.Row)));
            }
        }
        else if (row.Text(TemplateColumn.Partners) is { } cell)
        {
            names.AddRange(_matcher.SplitPartners(cell).Select(n => (n, (string?)null, partnersHeader, (string?)null, row.Sheet, row.RowNumber)));
        }

        names.AddRange(row.WidePartners.Select(p => (p.Name, p.Tier, p.NameColumn, p.TierColumn, row.Sheet, p.Row > 0 ? p.Row : row.RowNumber)));

        // The council sending the return is a partner of each arrangement it lists, whether or not Partners names it; one
        // named above the header only when it is one council (a group of councils sent the return, it is no partner).
        if (row.Text(TemplateColumn.Submitter) is { } submitter)
        {
            if (FromTitleBlock(row) && CouncilNamed(submitter) is null)
            {
                row[TemplateColumn.Submitter] = null; // nor kept with a held row, to be matched again at a refresh
            }
            else
            {
                names.Add((submitter, null, row.Layout.HeaderFor(TemplateColumn.Submitter), null, row.Sheet, row.RowNumber));
            }
        }

        var partners = new List<Authority>();
        var unresolved = new List<string>();
        string? sheet = null;
        var at = 0;
        void Problem(ProblemSeverity severity, string code, string message, string column, string value) =>
            problems.Add(new SubmissionProblem(severity, code, message, sheet, at, column, value));

        foreach (var (name, tier, nameColumn, tierColumn, nameSheet, nameRow) in names)
        {
            (sheet, at) = (nameSheet, nameRow);
            var match = _matcher.Match(name, asOf);
            switch (match.Status)
            {
                case MatchStatus.Matched or MatchStatus.Body:
                    foreach (var authority in match.Authorities.Where(a => !partners.Contains(a)))
                    {
                        partners.Add(authority);
                    }

                    if (tier is not null && match.Authority is { } single && !TierAgrees(tier, single))
                    {
                        Problem(ProblemSeverity.Warning, "partner.tier-disagrees",
                            $"'{name}' is a {Describe(single)} in the register, not '{tier}'; the register's tier was used.", tierColumn ?? nameColumn, tier);
                    }

                    break;
                case MatchStatus.Ambiguous:
                    unresolved.Add(name);
                    Problem(ProblemSeverity.RowError, "partner.ambiguous",
                        $"'{name}' could be {string.Join(" or ", match.Candidates.Take(3).Select(c => c.Authority.Name))}. Write the council's full name. The row is held for review and loads once this is resolved.",
                        nameColumn, name);
                    break;
                default:
                    unresolved.Add(name);
                    Problem(ProblemSeverity.RowError, "partner.unknown",
                        $"{UnknownPartner(name, match.Reason)} The row is held for review and loads once this is resolved.", nameColumn, name);
                    break;
            }
        }

        return (partners, unresolved);
    }

    /// <summary>The one council a name stands for (the register's current body), or null: a group, a non-council body, a name not matched.</summary>
    public Authority? CouncilNamed(string name)
    {
        var match = _matcher.Match(name);
        return match.Status == MatchStatus.Matched && match.Authority is { IsCouncil: true } council ? council : null;
    }

    // The submitting council named once above the header rather than in a column of its own.
    private static bool FromTitleBlock(SubmissionRow row) => row.Layout.Submitter is not null && !row.Layout.Has(TemplateColumn.Submitter);

    private static string UnknownPartner(string name, ReviewReason reason) => reason switch
    {
        ReviewReason.Company => $"'{name}' is a company, not a council or public body: partners are the councils and public bodies that share the service. Remove it here and record the company as how the service is delivered.",
        ReviewReason.LocalCouncil => $"'{name}' is a town, parish or community council: partners here are principal councils and public bodies. Remove it, or name the principal council it works with.",
        ReviewReason.GroupOfCouncils => $"'{name}' describes several councils. Name each council, separated by ';' (e.g. 'Braintree DC; Uttlesford DC').",
        ReviewReason.Placeholder => $"'{name}' is not a partner's name. Write each partner's full official name.",
        _ => $"'{name}' is not a council or public body we know. Check the spelling or write its full official name.",
    };

    // Partners come from the Partners cell or from wide columns: the problem names whichever the submitter used.
    private static void PartnersProblem(SubmissionRow row, List<SubmissionProblem> problems, string code, string message)
    {
        var fromCell = row[TemplateColumn.Partners] is not null || row.WidePartners.Count == 0;
        problems.Add(new SubmissionProblem(ProblemSeverity.RowError, code, message, row.Sheet, row.RowNumber,
            fromCell ? row.Layout.HeaderFor(TemplateColumn.Partners) : row.WidePartners[0].NameColumn,
            fromCell ? row.Text(TemplateColumn.Partners) : string.Join("; ", row.WidePartners.Select(p => p.Name))));
    }

    // A problem's value is shown in reports and outcome.json: a 32,767-character cell is cut to something readable.
    private static string Shorten(string text) => text.Length <= 200 ? text : string.Concat(text.AsSpan(0, 200), "…");

    private Authority? ResolveLead(SubmissionRow row, DateOnly? asOf, List<Authority> partners, Action<ProblemSeverity, string, string, TemplateColumn?, object?> problem)
    {
        var leadText = row.Text(TemplateColumn.LeadAuthority);
        if (leadText is null)
        {
            return null;
        }

        var match = _matcher.Match(leadText, asOf);
        if (match.Authority is { } lead && partners.Contains(lead))
        {
            return lead;
        }

        problem(ProblemSeverity.Warning, "lead.not-a-partner",
            match.Authority is null
                ? "The lead authority could not be matched to a partner; the arrangement was loaded without a lead. Use one of the partners' names."
                : $"The lead authority {match.Authority.Name} is not among the partners; the arrangement was loaded without a lead. Add it to Partners or correct the lead.",
            TemplateColumn.LeadAuthority, leadText);
        return null;
    }

    private static bool TierAgrees(string tier, Authority authority)
    {
        var key = HeaderSynonyms.Key(tier);
        return authority.Type switch
        {
            AuthorityType.County => key.Contains("county", StringComparison.Ordinal) || key.Contains("upper", StringComparison.Ordinal),
            AuthorityType.District => key.Contains("district", StringComparison.Ordinal) || key.Contains("lower", StringComparison.Ordinal) || key.Contains("borough", StringComparison.Ordinal) || key.Contains("city", StringComparison.Ordinal),
            AuthorityType.Unitary => key.Contains("unitary", StringComparison.Ordinal) || key.Contains("single", StringComparison.Ordinal),
            AuthorityType.MetropolitanDistrict => key.Contains("metropolitan", StringComparison.Ordinal) || key.Contains("met", StringComparison.Ordinal) || key.Contains("single", StringComparison.Ordinal) || key.Contains("borough", StringComparison.Ordinal),
            AuthorityType.LondonBorough => key.Contains("london", StringComparison.Ordinal) || key.Contains("borough", StringComparison.Ordinal) || key.Contains("single", StringComparison.Ordinal),
            _ => true,
        };
    }

    private static string Describe(Authority authority) => authority.Type switch
    {
        AuthorityType.County => "county council (upper tier)",
        AuthorityType.District => "district council (lower tier)",
        AuthorityType.Unitary => "unitary council (single tier)",
        AuthorityType.MetropolitanDistrict => "metropolitan borough (single tier)",
        AuthorityType.LondonBorough => "London borough (single tier)",
        _ => authority.Type.ToString(),
    };

    // A held row is validated again later without its sheet's header: "600" under "(£000s)" is kept as the pounds it meant.
    private static string? Unscaled(SubmissionRow row, TemplateColumn column) =>
        column is TemplateColumn.AnnualSavings or TemplateColumn.SavingsToDate && row.Layout.ScaleOf(column) is var scale && scale != 1m
        && MoneyParser.Parse(row[column], column == TemplateColumn.AnnualSavings, scale) is { IsError: false, Value: { } pounds }
            ? pounds.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : null;

    private static HeldRow ToHeld(SubmissionRow row, List<string> unresolved, List<SubmissionProblem> problems)
    {
        var values = new Dictionary<string, string>();
        foreach (var column in Enum.GetValues<TemplateColumn>())
        {
            if (column is TemplateColumn.ContactName or TemplateColumn.ContactEmail)
            {
                continue; // personal data is not kept beyond the submitter's own report
            }

            if (row.Text(column) is { } text)
            {
                values[column.ToString()] = Unscaled(row, column) ?? text;
            }
        }

        return new HeldRow(row.Sheet, row.RowNumber, values, [.. row.WidePartners.Select(p => (p.Name, p.Tier))], unresolved, problems);
    }
}
