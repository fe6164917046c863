using System.Globalization;

namespace SharedServicesPipeline.Publishing;

/// <summary>
/// The one way the artifacts read an extract table's rows: by column name (so they depend on the contract's names, not
/// positions), each column's position looked up once. Nulls are handled one way: a column that may be missing a value
/// (text, number, money, date) reads as null; one the contract never leaves empty (a key, a count, a flag) read empty is
/// a fault, reported with the table and column, never a made-up 0, -1 or false.
/// </summary>
internal sealed class ExtractTableRows
{
    private readonly ExtractTable _table;
    private readonly Dictionary<string, int> _columns;

    private ExtractTableRows(ExtractTable table)
    {
        _table = table;
        _columns = table.Columns.Select((c, i) => (c.Name, i)).ToDictionary(c => c.Name, c => c.i, StringComparer.Ordinal);
    }

    /// <summary>The rows of table <paramref name="name"/>, which the run must have.</summary>
    public static ExtractTableRows Of(IReadOnlyList<ExtractTable> tables, string name) =>
        new(tables.FirstOrDefault(t => t.Name == name)
            ?? throw new InvalidOperationException($"The extract has no table {name} (extract contract version 1)."));

    /// <summary>The rows of table <paramref name="name"/>, none when the run has no such table.</summary>
    public static IEnumerable<Row> OrEmpty(IReadOnlyList<ExtractTable> tables, string name) =>
        tables.FirstOrDefault(t => t.Name == name) is { } table ? new ExtractTableRows(table).Rows : [];

    public IEnumerable<Row> Rows => _table.Rows.Select(values => new Row(this, values));

    private int Index(string column) => _columns.TryGetValue(column, out var index)
        ? index
        : throw new InvalidOperationException($"Extract table {_table.Name} has no column {column} (extract contract version 1).");

    public readonly struct Row
    {
        private readonly ExtractTableRows _owner;
        private readonly object?[] _values;

        public Row(ExtractTableRows owner, object?[] values)
        {
            _owner = owner;
            _values = values;
        }

        public object? this[string column] => _values[_owner.Index(column)];

        public string? Text(string column) => this[column] switch
        {
            null => null,
            string s => s,
            var v => Convert.ToString(v, CultureInfo.InvariantCulture),
        };

        public int Int(string column) => Convert.ToInt32(Required(column), CultureInfo.InvariantCulture);

        public bool Bool(string column) => Required(column) is bool b ? b : bool.Parse(Text(column)!);

        public decimal? Money(string column) => this[column] is { } v ? Convert.ToDecimal(v, CultureInfo.InvariantCulture) : null;

        public double? Number(string column) => this[column] is { } v ? Convert.ToDouble(v, CultureInfo.InvariantCulture) : null;

        public DateOnly? Date(string column) => this[column] switch
        {
            null => null,
            DateOnly d => d,
            DateTime dt => DateOnly.FromDateTime(dt),
            var v => DateOnly.Parse(Convert.ToString(v, CultureInfo.InvariantCulture)!, CultureInfo.InvariantCulture),
        };

        private object Required(string column) => this[column]
            ?? throw new InvalidOperationException($"Extract table {_owner._table.Name} has no value in column {column}, which the contract never leaves empty.");
    }
}
