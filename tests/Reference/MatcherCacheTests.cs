using SharedServicesPipeline.Pipeline.Reference;
using Xunit;

namespace SharedServicesPipeline.Tests.Reference;

/// <summary>
/// A file names the same few hundred councils thousands of times, under start dates spread over twenty years: each name
/// is worked out once and kept for the dates over which the bodies it looked at did not change, then answered from the
/// memo for any date inside them; a date outside them is worked out again. A memo hit never changes the answer. (How
/// fast that is, is measured by the bench's stage profile, never by a test.)
/// </summary>
public sealed class MatcherCacheTests
{
    [Fact]
    public void A_name_asked_again_on_another_date_of_the_same_era_is_answered_from_the_cache()
    {
        var matcher = new AuthorityMatcher(AuthorityRegister.BuiltIn);

        var first = matcher.Match("Nottinghamshre", new DateOnly(2016, 6, 14));
        var again = matcher.Match("Nottinghamshre", new DateOnly(2016, 6, 15));

        Assert.Equal(MatchStatus.Matched, first.Status);
        Assert.Same(first, again);
    }

    [Fact]
    public void A_date_in_another_era_of_the_register_is_worked_out_again_and_may_differ()
    {
        var matcher = new AuthorityMatcher(AuthorityRegister.BuiltIn);

        var before = matcher.Match("Taunton Deane BC", new DateOnly(2012, 4, 1));
        var after = matcher.Match("Taunton Deane BC", new DateOnly(2020, 4, 1));

        Assert.Equal(["E07000190"], before.Authorities.Select(a => a.Code));
        Assert.NotSame(before, after);
    }

    [Fact]
    public void A_typo_and_its_review_candidates_are_the_same_whatever_the_era_they_are_asked_in()
    {
        var matcher = new AuthorityMatcher(AuthorityRegister.BuiltIn);

        var eras = new[] { new DateOnly(2005, 1, 1), new DateOnly(2012, 4, 1), new DateOnly(2019, 6, 1), new DateOnly(2024, 1, 1) }
            .Select(date => matcher.Match("Badford Council", date))
            .ToList();

        Assert.All(eras, r => Assert.Equal(MatchStatus.Unmatched, r.Status));
        Assert.All(eras, r => Assert.Equal(eras[0].Candidates.Select(c => (c.Authority.Code, c.Score)), r.Candidates.Select(c => (c.Authority.Code, c.Score))));
    }

    [Fact]
    public void A_name_whose_councils_did_not_change_between_two_dates_is_worked_out_once_for_both()
    {
        var matcher = new AuthorityMatcher(AuthorityRegister.BuiltIn);

        // Many other councils were formed and abolished between 2005 and 2024; Braintree and Essex were not.
        var first = matcher.Match("Braintree DC", new DateOnly(2005, 6, 1));
        var again = matcher.Match("Braintree DC", new DateOnly(2024, 6, 1));

        Assert.Equal(["E07000067"], first.Authorities.Select(a => a.Code));
        Assert.Same(first, again);
    }

    [Fact]
    public void A_name_whose_council_changed_at_reorganisations_resolves_on_each_side_of_each_date_when_asked_again()
    {
        var matcher = new AuthorityMatcher(AuthorityRegister.BuiltIn);
        // Taunton Deane (to 31 March 2019), then Somerset West and Taunton (to 31 March 2023), then Somerset Council.
        var expected = new (DateOnly Date, string Code)[]
        {
            (new(2019, 3, 31), "E07000190"), (new(2019, 4, 1), "E07000246"), (new(2023, 3, 31), "E07000246"), (new(2023, 4, 1), "E06000066"),
            (new(2012, 4, 1), "E07000190"), (new(2021, 4, 1), "E07000246"), (new(2024, 4, 1), "E06000066"),
        };

        // Three rounds in different orders: the later rounds are answered from the memo.
        foreach (var round in new[] { expected, [.. expected.Reverse()], [.. expected.OrderBy(e => e.Code).ThenByDescending(e => e.Date)] })
        {
            foreach (var (date, code) in round)
            {
                Assert.Equal([code], matcher.Match("Taunton Deane BC", date).Authorities.Select(a => a.Code));
            }
        }
    }

    [Fact]
    public void A_memo_hit_gives_the_answer_a_fresh_matcher_gives_on_that_date()
    {
        // Names whose answers move with the date (successors, splits, lists of councils, shared places, a council before a
        // note), asked on the days either side of the reorganisations of 2009, 2015, 2019, 2020, 2021 and 2023.
        string[] names =
        [
            "Taunton Deane BC", "Somerset", "Dorset", "Cumbria CC", "Northants", "NYCC", "Kennet DC", "Durham CC", "Cheshire CC",
            "Bournemouth, Christchurch and Poole", "Lisburn & Castlereagh", "Belfast City Council", "Aylesbury Vale DC",
            "Somerset County Council - Adult Social Care", "Wiltshire County Council", "Harrogate BC and Craven DC", "Taunton Deane & Sedgemoor",
        ];
        DateOnly[] dates =
        [
            new(2007, 4, 1), new(2009, 3, 31), new(2009, 4, 1), new(2015, 3, 31), new(2015, 4, 1), new(2019, 3, 31), new(2019, 4, 1),
            new(2020, 3, 31), new(2020, 4, 1), new(2021, 3, 31), new(2021, 4, 1), new(2023, 3, 31), new(2023, 4, 1), new(2025, 1, 1),
        ];
        var shared = new AuthorityMatcher(AuthorityRegister.BuiltIn);
        var asked = dates.SelectMany(date => names.Select(name => (Name: name, Date: date))).ToList();

        // The shared matcher answers every date of a name after the first from its memo, where the windows allow;
        // each date's own matcher has never seen the name on another date.
        var fromMemo = asked.Concat(Enumerable.Reverse(asked)).Select(q => (q.Name, q.Date, Result: shared.Match(q.Name, q.Date))).ToList();
        var fresh = dates.ToDictionary(date => date, _ => new AuthorityMatcher(AuthorityRegister.BuiltIn));

        Assert.All(fromMemo, q => Assert.Equal(Answer(fresh[q.Date].Match(q.Name, q.Date)), Answer(q.Result)));
    }

    [Fact]
    public void A_name_read_through_its_part_before_a_note_is_kept_only_for_the_dates_that_part_holds_for()
    {
        // Borchester's district council since 1974, its city council since April 2015: "Borchester Council" means the
        // district before then and either after. The note after the name is resolved through the name before it, and the
        // district alone would hold for every date: the window must be the part's, which ends when the city council begins.
        var register = new AuthorityRegister(
        [
            Council("E07999001", "Borchester District Council", from: new DateOnly(1974, 4, 1)),
            Council("E07999002", "Borchester City Council", from: new DateOnly(2015, 4, 1)),
        ]);
        var shared = new AuthorityMatcher(register);
        const string name = "Borchester Council - shared legal team";

        var before = shared.Match(name, new DateOnly(2010, 4, 1));
        var after = shared.Match(name, new DateOnly(2016, 4, 1));

        Assert.Equal(["E07999001"], before.Authorities.Select(a => a.Code));
        Assert.Equal(Answer(new AuthorityMatcher(register).Match(name, new DateOnly(2016, 4, 1))), Answer(after));
        Assert.NotEqual(Answer(before), Answer(after));
    }

    private static Authority Council(string code, string name, DateOnly from) => new()
    {
        Code = code, Name = name, ShortName = "Borchester", Type = AuthorityType.District, Tier = TierLevel.Lower, Sector = Sector.Council,
        Region = "South West", Nation = "England", ValidFrom = from, Latitude = 51.0, Longitude = -2.0,
    };

    [Fact]
    public void The_memo_stops_keeping_names_once_it_holds_its_characters_worth_and_still_keeps_within_them()
    {
        var memo = new MatchMemo(new MemoRoom(entries: 100, chars: 100));
        var date = new DateOnly(2020, 1, 1);
        var window = new ValidityWindow(date);
        var first = new string('a', 60);
        var tooMany = new string('b', 60);

        memo.Add(first, dated: true, lists: true, window, MatchResult.Unmatched(first));
        memo.Add(tooMany, dated: true, lists: true, window, MatchResult.Unmatched(tooMany));
        memo.Add("Essex CC", dated: true, lists: true, window, MatchResult.Unmatched("Essex CC"));

        Assert.True(memo.TryFind(first, true, true, date, out _, out _, out _));
        Assert.False(memo.TryFind(tooMany, true, true, date, out _, out _, out _));
        Assert.True(memo.TryFind("Essex CC", true, true, date, out _, out _, out _));
    }

    private static string Answer(MatchResult result) =>
        $"{result.Status} [{string.Join(";", result.Authorities.Select(a => a.Code))}] ({string.Join(";", result.Candidates.Select(c => $"{c.Authority.Code}:{c.Score}"))}) {result.Confidence} {result.Reason}";
}
