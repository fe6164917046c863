namespace SharedServicesPipeline.Pipeline.Validation;

/// <summary>The result of parsing one cell: a value, nothing (blank, n/a), or an error a person can act on.</summary>
public readonly record struct ParsedValue<T>(T? Value, string? Error, bool IsApproximate = false)
    where T : struct
{
    public bool IsError => Error is not null;

    public static ParsedValue<T> None => default;

    public static ParsedValue<T> Of(T value, bool approximate = false) => new(value, null, approximate);

    public static ParsedValue<T> Fail(string error) => new(null, error);
}
