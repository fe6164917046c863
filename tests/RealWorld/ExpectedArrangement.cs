namespace SharedServicesPipeline.Tests.RealWorld;

/// <summary>
/// An arrangement a careful reader would load from a row: only the fields set are checked, and a field set to
/// <c>null</c> must be blank in the mart. <see cref="Any"/> (the default) leaves a field unchecked.
/// </summary>
internal sealed record ExpectedArrangement(string Title, int Row, string? Sheet = null)
{
    public static readonly object Any = new();

    /// <summary>Register names of every partner (any order).</summary>
    public object? Partners { get; init; } = Any;
    public object? Lead { get; init; } = Any;
    public object? Service { get; init; } = Any;
    public object? Category { get; init; } = Any;
    public object? Start { get; init; } = Any;
    public object? Approximate { get; init; } = Any;
    public object? End { get; init; } = Any;
    public object? Status { get; init; } = Any;
    public object? Annual { get; init; } = Any;
    public object? ToDate { get; init; } = Any;
    public object? Reference { get; init; } = Any;
    public object? Governance { get; init; } = Any;
    public object? Delivery { get; init; } = Any;
    public object? Description { get; init; } = Any;

    /// <summary>The checked fields with their expected values, in a fixed order.</summary>
    public IEnumerable<(string Field, object? Value)> Checked()
    {
        (string, object?)[] all =
        [
            ("partners", Partners), ("lead", Lead), ("service", Service), ("category", Category), ("start", Start),
            ("approximate", Approximate), ("end", End), ("status", Status), ("annual", Annual), ("to date", ToDate),
            ("reference", Reference), ("governance", Governance), ("delivery", Delivery), ("description", Description),
        ];
        return all.Where(f => !ReferenceEquals(f.Item2, Any));
    }
}
