using System.Globalization;

namespace SharedServicesPipeline.Publishing.Dashboard;

/// <summary>Reads an extract table's rows by column name, so the dashboard depends on the contract's names, not positions.</summary>
internal sealed class ExtractTableRows
{
    private readonly ExtractTable _table;
    private readonly Dictionary<string, int> _columns;

    private ExtractTableRows(ExtractTable table)
    {
        _table = table;
        _columns = table.Columns.Select((c, i) => (c.Name, i)).ToDictionary(c => c.Name, c => c.i, StringComparer.Ordinal);
    }

    public static ExtractTableRows Of(IReadOnlyList<ExtractTable> tables, string name) =>
        new(tables.FirstOrDefault(t => t.Name == name)
            ?? throw new InvalidOperationException($"The extract has no table {name}: the dashboard needs it (extract contract version 1)."));

    public IEnumerable<Row> Rows => _table.Rows.Select(values => new Row(this, values));

    private int Index(string column) => _columns.TryGetValue(column, out var index)
        ? index
        : throw new InvalidOperationException($"Extract table {_table.Name} has no column {column}: the dashboard needs it (extract contract version 1).");

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

        public int Int(string column) => Convert.ToInt32(this[column], CultureInfo.InvariantCulture);

        public bool Bool(string column) => this[column] is bool b ? b : bool.Parse(Text(column) ?? "false");

        public decimal? Money(string column) => this[column] is null ? null : Convert.ToDecimal(this[column], CultureInfo.InvariantCulture);

        public double? Number(string column) => this[column] is null ? null : Convert.ToDouble(this[column], CultureInfo.InvariantCulture);

        public DateOnly? Date(string column) => this[column] switch
        {
            null => null,
            DateOnly d => d,
            DateTime dt => DateOnly.FromDateTime(dt),
            var v => DateOnly.Parse(Convert.ToString(v, CultureInfo.InvariantCulture)!, CultureInfo.InvariantCulture),
        };
    }
}
