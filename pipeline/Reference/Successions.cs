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
    public delegate MatchResult AmbiguousResult(string name, IEnumerable<Authority> candidates, DateOnly date, double confidence);

    public static MatchResult Apply(MatchResult result, DateOnly date, AuthorityRegister register, AmbiguousResult ambiguous)
    {
        if (result.Status != MatchStatus.Matched || AllExisted(result.Authorities, date))
        {
            return result;
        }

        var councils = new List<Authority>();
        foreach (var authority in result.Authorities)
        {
            if (authority.ExistedOn(date))
            {
                councils.Add(authority);
                continue;
            }

            var successors = authority.ValidTo < date ? SuccessorsOn(authority, date, register) : [];
            if (successors.Count == 0)
            {
                return result; // not yet formed, or nothing recorded: the name's own council, with its lower confidence
            }

            if (successors.Count > 1)
            {
                return ambiguous(result.Input, successors, date, result.Confidence);
            }

            councils.Add(successors[0]);
        }

        return result with { Authorities = [.. councils.Distinct()] };
    }

    // The common case, on every dated match: a loop, not a LINQ closure.
    private static bool AllExisted(IReadOnlyList<Authority> authorities, DateOnly date)
    {
        for (var i = 0; i < authorities.Count; i++)
        {
            if (!authorities[i].ExistedOn(date))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The councils that existed on the date and had, one change after another, taken over from the authority.</summary>
    private static List<Authority> SuccessorsOn(Authority authority, DateOnly date, AuthorityRegister register)
    {
        var found = new List<Authority>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { authority.Code };
        var pending = new Queue<Authority>([authority]);
        while (pending.TryDequeue(out var current))
        {
            foreach (var successor in current.SuccessorCodes.Where(seen.Add).Select(register.Find).OfType<Authority>())
            {
                if (successor.ExistedOn(date))
                {
                    found.Add(successor);
                }
                else if (successor.ValidTo < date)
                {
                    pending.Enqueue(successor);
                }
            }
        }

        return found;
    }
}
