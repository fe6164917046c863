namespace SharedServicesPipeline.Pipeline.Reference;

/// <summary>
/// An arrangement keeps the councils that existed when it began. A name that only ever meant a council abolished before that
/// date ("Kennet DC" for a 2011 arrangement) therefore means the council that had taken its place (Wiltshire Council),
/// followed through later changes (Taunton Deane → Somerset West and Taunton → Somerset Council). One that had been split
/// between several ("Cumbria CC" in 2024: Cumberland or Westmorland and Furness) cannot be decided from the name and goes to
/// review. Only for a dated match: without a date the name keeps its own council.
/// </summary>
internal static class Successions
{
    public delegate MatchResult AmbiguousResult(string name, IEnumerable<Authority> candidates, ValidityWindow window, double confidence);

    /// <summary>The result as of the window's date; every body looked at narrows the window.</summary>
    public static MatchResult Apply(MatchResult result, ValidityWindow window, AuthorityRegister register, AmbiguousResult ambiguous)
    {
        if (result.Status != MatchStatus.Matched || AllExisted(result.Authorities, window))
        {
            return result;
        }

        var councils = new List<Authority>();
        foreach (var authority in result.Authorities)
        {
            if (window.Existed(authority))
            {
                councils.Add(authority);
                continue;
            }

            var successors = window.EndedBefore(authority) ? SuccessorsOn(authority, window, register) : [];
            if (successors.Count == 0)
            {
                return result; // not yet formed, or nothing recorded: the name's own council, with its lower confidence
            }

            if (successors.Count > 1)
            {
                return ambiguous(result.Input, successors, window, result.Confidence);
            }

            councils.Add(successors[0]);
        }

        return result with { Authorities = [.. councils.Distinct()] };
    }

    // The common case, on every dated match: a loop, not a LINQ closure.
    private static bool AllExisted(IReadOnlyList<Authority> authorities, ValidityWindow window)
    {
        for (var i = 0; i < authorities.Count; i++)
        {
            if (!window.Existed(authorities[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The councils that existed on the date and had, one change after another, taken over from the authority.</summary>
    private static List<Authority> SuccessorsOn(Authority authority, ValidityWindow window, AuthorityRegister register)
    {
        var found = new List<Authority>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { authority.Code };
        var pending = new Queue<Authority>([authority]);
        while (pending.TryDequeue(out var current))
        {
            foreach (var successor in current.SuccessorCodes.Where(seen.Add).Select(register.Find).OfType<Authority>())
            {
                if (window.Existed(successor))
                {
                    found.Add(successor);
                }
                else if (window.EndedBefore(successor))
                {
                    pending.Enqueue(successor);
                }
            }
        }

        return found;
    }
}
