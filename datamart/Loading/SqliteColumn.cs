using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace SharedServicesPipeline.DataMart.Loading;

/// <summary>
/// One column of a bulk insert on SQLite: reads the entity's property through a delegate of the property's own type and
/// binds it to the statement, so no value is boxed (600k rows of up to 25 columns each, for a 100k-row file). A property
/// with a value converter, or without a CLR property, is read through EF's getter and converted as EF would.
/// </summary>
internal abstract class SqliteColumn<T>
    where T : class
{
    public abstract void Bind(SqliteRowInserter row, int index, T entity);

    public static SqliteColumn<T> For(IProperty property, RelationalTypeMapping mapping)
    {
        if (mapping.Converter is null && property.PropertyInfo?.GetMethod is { } getter && getter.DeclaringType?.IsAssignableFrom(typeof(T)) == true)
        {
            var typed = typeof(Typed<>).MakeGenericType(typeof(T), property.ClrType);
            return (SqliteColumn<T>)Activator.CreateInstance(typed, getter.CreateDelegate(typeof(Func<,>).MakeGenericType(typeof(T), property.ClrType)))!;
        }

        return new Converted(property.GetGetter(), mapping.Converter);
    }

    private sealed class Typed<TValue>(Func<T, TValue> get) : SqliteColumn<T>
    {
        public override void Bind(SqliteRowInserter row, int index, T entity) => row.Bind(index, get(entity));
    }

    private sealed class Converted(IClrPropertyGetter get, ValueConverter? converter) : SqliteColumn<T>
    {
        public override void Bind(SqliteRowInserter row, int index, T entity)
        {
            var value = get.GetClrValueUsingContainingEntity(entity);
            row.Bind(index, value is not null && converter is not null ? converter.ConvertToProvider(value) : value);
        }
    }
}
