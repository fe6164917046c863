namespace SharedServicesPipeline.Pipeline.Reference;

/// <summary>
/// The days around one match's date over which every body the match asked about existed, or did not, just as on that
/// date. A match depends on its date only through those answers, so any date inside the window gives the same result:
/// the matcher keeps a name's result for its window, and a repeat dated anywhere inside it is a dictionary hit, however
/// many of the register's reorganisations fall elsewhere. Every question a match asks about a body's dates goes through
/// here; one asked behind its back would let the memo answer for a date it never checked.
/// </summary>
internal sealed class ValidityWindow(DateOnly date)
{
    public DateOnly Date { get; } = date;

    /// <summary>The first day of the window (inclusive).</summary>
    public DateOnly From { get; private set; } = DateOnly.MinValue;

    /// <summary>The last day of the window (inclusive).</summary>
    public DateOnly To { get; private set; } = DateOnly.MaxValue;

    public bool Contains(DateOnly date) => From <= date && date <= To;

    /// <summary>Whether the body existed on <see cref="Date"/>.</summary>
    public bool Existed(Authority authority)
    {
        Observe(authority);
        return authority.ExistedOn(Date);
    }

    /// <summary>Whether the body had been abolished before <see cref="Date"/>.</summary>
    public bool EndedBefore(Authority authority)
    {
        Observe(authority);
        return authority.ValidTo < Date;
    }

    /// <summary>Another match's window, whose result this one used (a part of a list, the council before a note).</summary>
    public void Narrow(DateOnly from, DateOnly to)
    {
        From = from > From ? from : From;
        To = to < To ? to : To;
    }

    // A body's answers change only on the day it began and the day after it ended.
    private void Observe(Authority authority)
    {
        if (authority.ValidFrom is { } from)
        {
            ChangesOn(from);
        }

        if (authority.ValidTo is { } to && to < DateOnly.MaxValue)
        {
            ChangesOn(to.AddDays(1));
        }
    }

    private void ChangesOn(DateOnly day)
    {
        if (day <= Date)
        {
            From = day > From ? day : From;
        }
        else
        {
            var last = day.AddDays(-1);
            To = last < To ? last : To;
        }
    }
}
