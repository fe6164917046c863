using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SharedServicesPipeline.DataMart.Quality;

/// <summary>
/// The unique indexes the mart has now, read from the database's own catalogue (never from the model, which says what
/// the migrations meant, not what is there): each as its table and key columns. Only an index that the database keeps
/// for every row counts: not partial or filtered, not disabled, and on columns that are all NOT NULL (a unique index
/// lets NULLs repeat, where a GROUP BY counts them as one value) and named (not expressions).
/// </summary>
internal sealed class UniqueIndexes
{
    // SQLite: every table's unique, non-partial indexes with each key column and whether it is NOT NULL (an expression
    // column has no name: no match in table_info, notnull NULL, and the index does not count).
    private const string Sqlite =
        "SELECT m.name, il.name, ii.name, ti.\"notnull\" FROM sqlite_master m JOIN pragma_index_list(m.name) il JOIN pragma_index_info(il.name) ii" +
        " LEFT JOIN pragma_table_info(m.name) ti ON ti.name = ii.name WHERE m.type = 'table' AND il.\"unique\" = 1 AND il.partial = 0";

    private static readonly string SqlServer =
        "SELECT t.name, i.name, c.name, CASE WHEN c.is_nullable = 0 AND c.is_computed = 0 THEN 1 ELSE 0 END FROM sys.indexes i" +
        " JOIN sys.tables t ON t.object_id = i.object_id JOIN sys.schemas s ON s.schema_id = t.schema_id" +
        " JOIN sys.index_columns ic ON ic.object_id = i.object_id AND ic.index_id = i.index_id" +
        " JOIN sys.columns c ON c.object_id = ic.object_id AND c.column_id = ic.column_id" +
        $" WHERE i.is_unique = 1 AND i.has_filter = 0 AND i.is_disabled = 0 AND ic.is_included_column = 0 AND s.name = '{MartDbContext.Schema}'";

    private readonly Dictionary<string, List<HashSet<string>>> _byTable;

    private UniqueIndexes(Dictionary<string, List<HashSet<string>>> byTable) => _byTable = byTable;

    public static async Task<UniqueIndexes> ReadAsync(MartDbContext db, CancellationToken cancellationToken)
    {
        var columns = new Dictionary<(string Table, string Index), (HashSet<string> Columns, bool Counts)>();
        var sql = db.Database.IsSqlite() ? Sqlite : SqlServer;
        await using (var result = await RawSql.ReadAsync(db, sql, [], CommandSource.ExecuteSqlRaw, cancellationToken))
        {
            var reader = result.DbDataReader;
            while (await reader.ReadAsync(cancellationToken))
            {
                var key = (reader.GetString(0), reader.GetString(1));
                var (set, counts) = columns.GetValueOrDefault(key, (new HashSet<string>(StringComparer.OrdinalIgnoreCase), true));
                var column = reader.IsDBNull(2) ? null : reader.GetString(2);
                var notNull = !reader.IsDBNull(3) && Convert.ToInt64(reader.GetValue(3), System.Globalization.CultureInfo.InvariantCulture) == 1;
                if (column is not null)
                {
                    set.Add(column);
                }

                columns[key] = (set, counts && column is not null && notNull);
            }
        }

        var byTable = new Dictionary<string, List<HashSet<string>>>(StringComparer.OrdinalIgnoreCase);
        foreach (var ((table, _), (set, counts)) in columns)
        {
            if (counts && set.Count > 0)
            {
                (byTable.TryGetValue(table, out var list) ? list : byTable[table] = []).Add(set);
            }
        }

        return new UniqueIndexes(byTable);
    }

    /// <summary>Whether no two rows of the table can share these columns' values: a unique index on some of them holds.</summary>
    public bool Guarantee(UniqueColumns key) =>
        _byTable.TryGetValue(key.Table, out var indexes) && indexes.Exists(index => index.IsSubsetOf(key.Columns));
}
