namespace SharedServicesPipeline.Tests.Reference;

/// <summary>A value in the public register that is wrong or out of date, with the reason ours differs.
/// <paramref name="TheirValue"/> is what that file says: if the file changes, the erratum stops applying and the plain comparison returns.</summary>
internal sealed record PublicRegisterErratum(string Code, string Field, string TheirValue, string Reason);

/// <summary>Every accepted difference from the public register, each checked against public facts by hand.</summary>
internal static class PublicRegisterErrata
{
    public const string Start = "start";
    public const string LastDay = "last day";
    public const string Region = "region";
    public const string Successors = "replaced by";
    public const string Point = "point";

    private const string NorthEast2024 =
        "The public register predates the May 2024 North East reorganisation: the North East and North of Tyne combined authorities were " +
        "abolished when the North East Mayoral Combined Authority (E47000014) was established on 7 May 2024, so their last day was 6 May 2024.";

    private const string StampedTwentyFourteen =
        "The public register stamps 2014-04-01 (the date of the 2014 wave of combined authorities) on combined authorities founded on other dates.";

    public static IReadOnlyList<PublicRegisterErratum> All { get; } =
    [
        new("E08000025", Start, "1996-07-01", "Birmingham City Council has governed the metropolitan district since 1 April 1974; nothing was founded on 1 July 1996."),
        new("E10000007", Region, "West Midlands", "Derbyshire is in the East Midlands region."),
        new("E10000019", Region, "Yorkshire and The Humber", "Lincolnshire (the county) is in the East Midlands; only the North and North East Lincolnshire unitaries are in Yorkshire and The Humber."),
        new("E10000009", Successors, "E06000059", "Christchurch was in Dorset's county area; since 1 April 2019 Bournemouth, Christchurch and Poole Council (E06000058) has the county's functions there, so both unitaries succeeded Dorset County Council."),
        new("E10000009", Point, "50.490,-3.740", "Dorset County Council's point there lies in Devon (between Dartmoor and Torbay), over 100 km from Dorset; the file gives no points for Dorset's districts to average instead."),
        new("E47000001", Start, "2014-04-01", $"{StampedTwentyFourteen} The Greater Manchester Combined Authority was established on 1 April 2011."),
        new("E47000006", Start, "2014-04-01", $"{StampedTwentyFourteen} The Tees Valley Combined Authority was established on 1 April 2016."),
        new("E47000008", Start, "2014-04-01", $"{StampedTwentyFourteen} The Cambridgeshire and Peterborough Combined Authority was established on 3 March 2017."),
        new("E47000009", Start, "2014-04-01", $"{StampedTwentyFourteen} The West of England Combined Authority was established on 9 February 2017."),
        new("E47000010", LastDay, "(none)", NorthEast2024),
        new("E47000010", Successors, "", NorthEast2024),
        new("E47000011", LastDay, "(none)", NorthEast2024),
        new("E47000011", Successors, "", NorthEast2024),
    ];

    public static PublicRegisterErratum? Find(string code, string field, string theirValue) =>
        All.FirstOrDefault(e => e.Code == code && e.Field == field && e.TheirValue == theirValue);
}
