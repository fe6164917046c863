namespace SharedServicesPipeline.DataMart.Quality;

/// <summary>
/// A key column that must name a row of another table (a relationship test), found by a LEFT JOIN on that table's key:
/// one seek per row in the same pass, cheaper than a correlated EXISTS per row, and nothing found reads as NULL. The
/// target's key is its primary key, so the join never repeats a row.
/// </summary>
internal sealed record KeyLookup(string Table, string Key, string Column)
{
    /// <summary>The joined table's alias, named for the column it resolves.</summary>
    public string Alias => "r_" + Column;

    public string Join(DataTestSql.Sources t, string row) => $"LEFT JOIN {t.Table(Table)} {Alias} ON {Alias}.{Key} = {row}.{Column}";

    /// <summary>True when the row's key named nothing.</summary>
    public string Missing => $"{Alias}.{Key} IS NULL";
}
