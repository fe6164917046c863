namespace SharedServicesPipeline.Publishing;

/// <summary>The manifest's names for column types, shared by every format so that CSV, Parquet and the manifest agree.</summary>
public static class ExtractTypes
{
    public const string Integer = "integer";
    public const string Decimal = "decimal";
    public const string Double = "double";
    public const string Boolean = "boolean";
    public const string Date = "date";
    public const string DateTime = "datetime";
    public const string String = "string";

    public static string NameOf(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(int) || t == typeof(long) || t == typeof(short) || t == typeof(byte) => Integer,
        var t when t == typeof(decimal) => Decimal,
        var t when t == typeof(double) || t == typeof(float) => Double,
        var t when t == typeof(bool) => Boolean,
        var t when t == typeof(DateOnly) => Date,
        var t when t == typeof(System.DateTime) || t == typeof(DateTimeOffset) => DateTime,
        _ => String,
    };
}
