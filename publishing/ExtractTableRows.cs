using System.Globalization;

namespace SharedServicesPipeline.Publishing;

/// <summary>
/// The one way the artifacts read an extract table's rows: by column name (so they depend on the contract's names, not
/// positions), each column looked up once. Values are read as their column's type, unboxed. Nulls are handled one way:
/// a column that may be missing a value (text, number, money, date) reads as null; one the contract never leaves empty
/// (a key, a count, a flag) read empty is a fault, reported with the table and column, never a made-up 0, -1 or false.
/// </summary>
internal sealed class ExtractTableRows
{
    private readonly ExtractTable _table;
    private readonly Dictionary<string, ExtractValues> _columns;

    private ExtractTableRows(ExtractTable table)
    {
        _table = table;
        _columns = table.Columns.Select((c, i) => (c.Name, Values: table.ValuesAt(i))).ToDictionary(c => c.Name, c => c.Values, StringComparer.Ordinal);
    }

    /// <summary>The rows of table <paramref name="name"/>, which the run must have.</summary>
    public static ExtractTableRows Of(IReadOnlyList<ExtractTable> tables, string name) =>
        new(tables.FirstOrDefault(t => t.Name == name)
            ?? throw new InvalidOperationException($"The extract has no table {name} (extract contract version 1)."));

    /// <summary>The rows of table <paramref name="name"/>, none when the run has no such table.</summary>
    public static IEnumerable<Row> OrEmpty(IReadOnlyList<ExtractTable> tables, string name) =>
        tables.FirstOrDefault(t => t.Name == name) is { } table ? new ExtractTableRows(table).Rows : [];

    public IEnumerable<Row> Rows
    {
        get
        {
            for (var row = 0; row < _table.RowCount; row++)
            {
                yield return new Row(this, row);
            }
        }
    }

    private ExtractValues Column(string column) => _columns.TryGetValue(column, out var values)
        ? values
        : throw new InvalidOperationException($"Extract table {_table.Name} has no column {column} (extract contract version 1).");

    public readonly struct Row
    {
        private readonly ExtractTableRows _owner;
        private readonly int _row;

        public Row(ExtractTableRows owner, int row)
        {
            _owner = owner;
            _row = row;
        }

        public object? this[string column] => _owner.Column(column).Boxed(_row);

        public string? Text(string column) => _owner.Column(column) switch
        {
            var v when v.IsNull(_row) => null,
            ExtractValues<string> s => s[_row],
            var v => Convert.ToString(v.Boxed(_row), CultureInfo.InvariantCulture),
        };

        public int Int(string column) => Required(column) switch
        {
            ExtractValues<int> n => n[_row],
            var v => Convert.ToInt32(v.Boxed(_row), CultureInfo.InvariantCulture),
        };

        public bool Bool(string column) => Required(column) switch
        {
            ExtractValues<bool> b => b[_row],
            var v => v.Boxed(_row) is bool b ? b : bool.Parse(Text(column)!),
        };

        public decimal? Money(string column) => _owner.Column(column) switch
        {
            var v when v.IsNull(_row) => null,
            ExtractValues<decimal> d => d[_row],
            var v => Convert.ToDecimal(v.Boxed(_row), CultureInfo.InvariantCulture),
        };

        public double? Number(string column) => _owner.Column(column) switch
        {
            var v when v.IsNull(_row) => null,
            ExtractValues<double> d => d[_row],
            var v => Convert.ToDouble(v.Boxed(_row), CultureInfo.InvariantCulture),
        };

        public DateOnly? Date(string column) => _owner.Column(column) switch
        {
            var v when v.IsNull(_row) => null,
            ExtractValues<DateOnly> d => d[_row],
            ExtractValues<DateTime> dt => DateOnly.FromDateTime(dt[_row]),
            var v => DateOnly.Parse(Convert.ToString(v.Boxed(_row), CultureInfo.InvariantCulture)!, CultureInfo.InvariantCulture),
        };

        private ExtractValues Required(string column)
        {
            var values = _owner.Column(column);
            return values.IsNull(_row)
                ? throw new InvalidOperationException($"Extract table {_owner._table.Name} has no value in column {column}, which the contract never leaves empty.")
                : values;
        }
    }
}
