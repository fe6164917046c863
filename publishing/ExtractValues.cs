namespace SharedServicesPipeline.Publishing;

/// <summary>
/// The values of one extract column, held as the column's own type (one array of <c>int</c>, <c>decimal</c>,
/// <c>DateOnly</c>, <c>string</c>…, with a null mask only when a value is missing), not as a boxed value per row:
/// a 100k mart's 600k rows held as <c>object?[]</c> rows cost most of a refresh's 2.3 GB.
/// </summary>
public abstract class ExtractValues
{
    /// <summary>The type of the values (never <see cref="Nullable{T}"/>: missing values are in the mask).</summary>
    public abstract Type Type { get; }

    /// <summary>How many rows the column holds.</summary>
    public abstract int Count { get; }

    /// <summary>Whether any row has no value.</summary>
    public abstract bool HasNulls { get; }

    public abstract bool IsNull(int row);

    /// <summary>The value of <paramref name="row"/> boxed, or null: for the few readers that take any type.</summary>
    public abstract object? Boxed(int row);

    /// <summary>Appends a missing value.</summary>
    public abstract void AddNull();

    /// <summary>Appends a value of any type that converts to the column's (null for a missing one).</summary>
    public abstract void AddBoxed(object? value);

    /// <summary>Drops the spare capacity once the column is complete.</summary>
    public abstract void Complete();

    /// <summary>An empty column for values of <paramref name="type"/> (nullable or not), strings repeated in it held once.</summary>
    public static ExtractValues For(Type type, int capacity = 0)
    {
        var values = Nullable.GetUnderlyingType(type) ?? type;
        return (ExtractValues)Activator.CreateInstance(typeof(ExtractValues<>).MakeGenericType(values), capacity)!;
    }
}
