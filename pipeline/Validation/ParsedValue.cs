namespace SharedServicesPipeline.Pipeline.Validation;

/// <summary>
/// The result of parsing one cell: a value, nothing (blank, n/a), or an error a person can act on. An approximate
/// value may carry a note saying how it was read ("the start of calendar quarter 2 of 2012"); a value may also carry a
/// warning code when it was read but the submitter should check it (a range of savings, an amount spread over years).
/// </summary>
public readonly record struct ParsedValue<T>(T? Value, string? Error, bool IsApproximate = false, string? Note = null, string? WarningCode = null, string? ErrorCode = null)
    where T : struct
{
    public bool IsError => Error is not null;

    public static ParsedValue<T> None => default;

    public static ParsedValue<T> Of(T value, bool approximate = false, string? note = null) => new(value, null, approximate, note);

    /// <summary>An error; <paramref name="code"/> is its reason code when the parser knows a more precise one than the column's.</summary>
    public static ParsedValue<T> Fail(string error, string? code = null) => new(null, error, ErrorCode: code);

    /// <summary>A value (or none) the submitter should check: the warning's code and what was done.</summary>
    public static ParsedValue<T> Warn(T? value, string code, string note) => new(value, null, false, note, code);
}
