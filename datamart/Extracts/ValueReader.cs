using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using SharedServicesPipeline.Publishing;

namespace SharedServicesPipeline.DataMart.Extracts;

/// <summary>
/// Reads a column's value as its property's type, as EF Core would, into the extract column that holds that type: the
/// provider's own reading of the type (<see cref="DbDataReader.GetFieldValue{T}"/>; SQLite keeps dates, instants and
/// money as text), unboxed; through the property's value converter when it has one. Never called for a null.
/// </summary>
internal static class ValueReader
{
    private static readonly MethodInfo Typed = typeof(ValueReader).GetMethod(nameof(Read), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo Untyped = typeof(ValueReader).GetMethod(nameof(ReadBoxed), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>Appends the value at an ordinal to <see cref="ExtractValues.For"/>(<paramref name="property"/>'s type).</summary>
    public static Action<DbDataReader, int, ExtractValues> For(IProperty property)
    {
        var converter = property.GetValueConverter() ?? property.GetRelationalTypeMapping().Converter;
        if (converter is null)
        {
            var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
            return Typed.MakeGenericMethod(type).CreateDelegate<Action<DbDataReader, int, ExtractValues>>();
        }

        var stored = Nullable.GetUnderlyingType(converter.ProviderClrType) ?? converter.ProviderClrType;
        var read = Untyped.MakeGenericMethod(stored).CreateDelegate<Func<DbDataReader, int, object?>>();
        return (reader, ordinal, values) => values.AddBoxed(converter.ConvertFromProvider(read(reader, ordinal)));
    }

    private static void Read<T>(DbDataReader reader, int ordinal, ExtractValues values) =>
        ((ExtractValues<T>)values).Add(reader.GetFieldValue<T>(ordinal));

    private static object? ReadBoxed<T>(DbDataReader reader, int ordinal) => reader.GetFieldValue<T>(ordinal);
}
