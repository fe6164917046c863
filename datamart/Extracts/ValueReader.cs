using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace SharedServicesPipeline.DataMart.Extracts;

/// <summary>
/// Reads a column's value as its property's type, as EF Core would: the provider's own reading of the type
/// (<see cref="DbDataReader.GetFieldValue{T}"/>; SQLite keeps dates, instants and money as text), through the
/// property's value converter when it has one. Never called for a null.
/// </summary>
internal static class ValueReader
{
    private static readonly MethodInfo Typed = typeof(ValueReader).GetMethod(nameof(Read), BindingFlags.NonPublic | BindingFlags.Static)!;

    public static Func<DbDataReader, int, object?> For(IProperty property)
    {
        var converter = property.GetValueConverter() ?? property.GetRelationalTypeMapping().Converter;
        var stored = converter?.ProviderClrType ?? property.ClrType;
        var read = Typed.MakeGenericMethod(Nullable.GetUnderlyingType(stored) ?? stored).CreateDelegate<Func<DbDataReader, int, object?>>();
        return converter is null ? read : (reader, ordinal) => converter.ConvertFromProvider(read(reader, ordinal));
    }

    private static object? Read<T>(DbDataReader reader, int ordinal) => reader.GetFieldValue<T>(ordinal);
}
