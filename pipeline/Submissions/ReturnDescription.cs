namespace SharedServicesPipeline.Pipeline.Submissions;

/// <summary>
/// What a return says about itself above its header: the submitting authority as written, its GSS code when that names
/// exactly one council, and the period it covers ("2017/18"). Never contact details: these go to the mart.
/// </summary>
public sealed record ReturnDescription(string? Authority, string? AuthorityCode, string? Period);
