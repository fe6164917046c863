using SharedServicesPipeline.Pipeline.Reference;
using SharedServicesPipeline.Pipeline.Submissions;

namespace SharedServicesPipeline.Pipeline.Validation;

/// <summary>
/// Whether the council that submitted a row is party to its arrangement (its lead or one of its partners, or a council
/// it has since replaced in a reorganisation): a council may change only its own arrangements.
/// </summary>
internal static class CouncilParty
{
    public const string NotAPartyCode = "submission.not-a-party";

    public static bool Includes(ArrangementRecord record, string councilCode, AuthorityRegister register) =>
        (record.Lead is { } lead && IsOrBecame(lead, councilCode, register))
        || record.Partners.Any(p => IsOrBecame(p, councilCode, register));

    public static SubmissionProblem Problem(ArrangementRecord record, SubmittingCouncil council, string? partnersColumn)
    {
        var parties = string.Join("; ", record.Partners.Select(p => p.Name));
        return new SubmissionProblem(ProblemSeverity.RowError, NotAPartyCode,
            $"This arrangement's lead authority and partners ({parties}) do not include {council.Name}, the council whose folder " +
            $"(incoming/{council.Code}/) the file came in, so the row is held for review and nothing in it was published. A council can " +
            $"submit only arrangements it is part of. If {council.Name} is a partner, add it to Partners and send the file again; " +
            "otherwise ask one of the partner councils to submit it, or send it to the programme team.",
            record.Sheet, record.RowNumber, partnersColumn, parties);
    }

    // A council replaced in a reorganisation (Taunton Deane by Somerset West and Taunton, then Somerset Council) is its
    // successor's past: the successor may submit the arrangements it inherited.
    private static bool IsOrBecame(Authority authority, string councilCode, AuthorityRegister register)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([authority.Code]);
        while (pending.Count > 0)
        {
            var code = pending.Pop();
            if (string.Equals(code, councilCode, StringComparison.Ordinal))
            {
                return true;
            }

            if (seen.Add(code) && (code == authority.Code ? authority : register.Find(code)) is { } current)
            {
                foreach (var successor in current.SuccessorCodes)
                {
                    pending.Push(successor);
                }
            }
        }

        return false;
    }
}
