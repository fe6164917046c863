using System.Runtime.CompilerServices;
using System.Globalization;

namespace SharedServicesPipeline.Publishing;

/// <summary>
/// A column's values of type <typeparamref name="T"/> in one array (a missing value is <c>default</c> there and marked
/// in a mask allocated at the first one). Text repeated down a column (codes, names, categories) is held once.
/// </summary>
public sealed class ExtractValues<T> : ExtractValues
{
    // Codes, names and categories repeat down a column; titles and ids do not. Past this many distinct values the
    // column is taken to be of the second kind, and new values are no longer remembered (those seen still are).
    private const int MaxInterned = 1 << 16;

    private T[] _values;
    private bool[]? _nulls;
    private int _count;
    private Dictionary<string, string>? _interned;

    public ExtractValues(int capacity = 0)
    {
        _values = capacity > 0 ? new T[capacity] : [];
        if (typeof(T) == typeof(string))
        {
            _interned = new Dictionary<string, string>(StringComparer.Ordinal);
        }
    }

    public override Type Type => typeof(T);

    public override int Count => _count;

    public override bool HasNulls => _nulls is not null;

    /// <summary>The values, <c>default</c> where <see cref="IsNull"/>.</summary>
    public ReadOnlyMemory<T> Values => new(_values, 0, _count);

    /// <summary>The value array itself and its length (the array may be longer until <see cref="Complete"/>).</summary>
    public ArraySegment<T> Segment => new(_values, 0, _count);

    public T this[int row] => _values[row];

    public override bool IsNull(int row) => _nulls is not null && row < _nulls.Length && _nulls[row];

    public override object? Boxed(int row) => IsNull(row) ? null : _values[row];

    public void Add(T value)
    {
        if (value is null)
        {
            AddNull();
            return;
        }

        if (_count == _values.Length)
        {
            Array.Resize(ref _values, Math.Max(16, _values.Length * 2));
        }

        if (_interned is not null)
        {
            // T is string here: reinterpreted, not cast (a cast in shared generic code looks T's type up each time).
            var text = Intern(Unsafe.As<T, string>(ref value));
            value = Unsafe.As<string, T>(ref text);
        }

        _values[_count++] = value;
    }

    public override void AddNull()
    {
        if (_count == _values.Length)
        {
            Array.Resize(ref _values, Math.Max(16, _values.Length * 2));
        }

        if (_nulls is null || _nulls.Length < _values.Length)
        {
            Array.Resize(ref _nulls, _values.Length);
        }

        _nulls[_count] = true;
        _values[_count++] = default!;
    }

    public override void AddBoxed(object? value)
    {
        switch (value)
        {
            case null:
                AddNull();
                break;
            case T typed:
                Add(typed);
                break;
            default:
                Add(typeof(T) == typeof(string)
                    ? (T)(object)Convert.ToString(value, CultureInfo.InvariantCulture)!
                    : (T)Convert.ChangeType(value, typeof(T), CultureInfo.InvariantCulture));
                break;
        }
    }

    public override void Complete()
    {
        if (_values.Length != _count)
        {
            Array.Resize(ref _values, _count);
        }

        if (_nulls is not null && _nulls.Length != _count)
        {
            Array.Resize(ref _nulls, _count);
        }

        _interned = null;
    }

    private string Intern(string value)
    {
        if (_interned!.TryGetValue(value, out var held))
        {
            return held;
        }

        if (_interned.Count < MaxInterned)
        {
            _interned[value] = value;
        }

        return value;
    }
}
