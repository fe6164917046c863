using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using SharedServicesPipeline.DataMart;

namespace SharedServicesPipeline.Tests.PowerBi;

/// <summary>
/// Checks a TMDL semantic model against the mart's EF model and returns every difference, one readable line each:
/// tables and columns read from the mart exist with matching types, relationships are the mart's foreign keys and
/// single-direction, every star-schema table is in the model, keys are hidden, money is formatted, DAX names resolve.
/// </summary>
internal static partial class TmdlModelChecker
{
    public const string MartSchema = MartDbContext.Schema;
    public const string MoneyFormat = "£#,0";

    public static readonly string[] RequiredMeasures =
    [
        "Arrangements", "Councils sharing", "Total annual savings", "Savings to date", "Average partners per arrangement",
        "Cross-tier share", "Front-office share", "Savings per council", "Current English councils", "English councils sharing",
        "Share of English councils sharing",
    ];

    public static List<string> Check(TmdlNode root, IModel mart)
    {
        var differences = new List<string>();
        var tables = root.All("table").ToDictionary(t => t.Name, StringComparer.Ordinal);
        var martTables = mart.GetEntityTypes().Where(e => e.GetTableName() is not null)
            .ToDictionary(e => e.GetTableName()!, StringComparer.Ordinal);
        var sources = new Dictionary<string, IEntityType>(StringComparer.Ordinal);

        foreach (var table in tables.Values)
        {
            var source = table.All("partition").Select(p => p["source"] ?? p.Expression ?? "").FirstOrDefault() ?? "";
            var item = MartItem().Match(source);
            if (!source.Contains("Sql.Database(SqlServer, SqlDatabase)", StringComparison.Ordinal) || !item.Success)
            {
                differences.Add($"table {table.Name}: its partition does not read Sql.Database(SqlServer, SqlDatabase) {{[Schema = \"{MartSchema}\", Item = …]}}");
                continue;
            }

            var (schema, name) = (item.Groups["schema"].Value, item.Groups["item"].Value);
            if (schema != MartSchema || !martTables.TryGetValue(name, out var entity) || entity.GetSchema() != MartSchema)
            {
                differences.Add($"table {table.Name}: reads {schema}.{name}, which the mart does not have");
                continue;
            }

            sources[table.Name] = entity;
            CheckColumns(table, entity, differences);
        }

        foreach (var name in martTables.Keys.Where(IsStarSchema).Except(sources.Values.Select(e => e.GetTableName()!), StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            differences.Add($"the mart's table {MartSchema}.{name} is not in the model");
        }

        foreach (var relationship in root.All("relationship"))
        {
            CheckRelationship(relationship, tables, sources, differences);
        }

        CheckDateTable(tables.Values, differences);
        CheckMeasures(tables.Values, differences);
        return differences;
    }

    // The council comparison's tables (council_*) are the Council page's: the model must read them like the star's.
    private static bool IsStarSchema(string table) =>
        table.StartsWith("dim_", StringComparison.Ordinal) || table.StartsWith("fact_", StringComparison.Ordinal) || table.StartsWith("bridge_", StringComparison.Ordinal)
        || table.StartsWith("council_", StringComparison.Ordinal);

    private static void CheckColumns(TmdlNode table, IEntityType entity, List<string> differences)
    {
        var store = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties().ToDictionary(p => p.GetColumnName(store) ?? p.Name, StringComparer.Ordinal);
        var names = table.All("column").Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var column in table.All("column"))
        {
            var where = $"{table.Name}.{column.Name}";
            if (column.Expression is not null)
            {
                // A calculated column: computed by DAX in the model (its references are checked with the measures'), not read from the mart.
                if (column["dataType"] is null)
                {
                    differences.Add($"{where}: a calculated column without dataType");
                }

                continue;
            }

            if (column["sourceColumn"] is not { } sourceColumn)
            {
                differences.Add($"{where}: has no sourceColumn");
                continue;
            }

            if (!columns.TryGetValue(sourceColumn, out var property))
            {
                differences.Add($"{where}: the mart's {entity.GetTableName()} has no column {sourceColumn}");
                continue;
            }

            var expected = DataTypeOf(property.ClrType);
            if (column["dataType"] != expected)
            {
                differences.Add($"{where}: dataType {column["dataType"] ?? "(none)"}, but {entity.GetTableName()}.{sourceColumn} is {expected}");
            }

            if (sourceColumn.EndsWith("_key", StringComparison.Ordinal) && !column.Flags.Contains("isHidden"))
            {
                differences.Add($"{where}: a surrogate key, not hidden");
            }

            if (sourceColumn.EndsWith("_gbp", StringComparison.Ordinal) && column["formatString"] != MoneyFormat)
            {
                differences.Add($"{where}: money formatted as {column["formatString"] ?? "(none)"}, not {MoneyFormat}");
            }

            if (column["sortByColumn"] is { } sortBy && !names.Contains(sortBy))
            {
                differences.Add($"{where}: sorted by {sortBy}, which {table.Name} does not have");
            }
        }
    }

    private static void CheckRelationship(TmdlNode relationship, Dictionary<string, TmdlNode> tables, Dictionary<string, IEntityType> sources, List<string> differences)
    {
        var where = $"relationship {relationship.Name}";
        if (relationship["crossFilteringBehavior"] is { } direction && direction != "oneDirection")
        {
            differences.Add($"{where}: filters {direction}; the model's relationships are single-direction");
        }

        if (relationship["fromCardinality"] is "one" || relationship["toCardinality"] is "many")
        {
            differences.Add($"{where}: not one-to-many");
        }

        var from = Resolve(relationship["fromColumn"], tables, sources);
        var to = Resolve(relationship["toColumn"], tables, sources);
        if (from.Error is not null || to.Error is not null)
        {
            differences.Add($"{where}: {from.Error ?? to.Error}");
            return;
        }

        var matches = from.Entity!.GetForeignKeys().Any(fk =>
            fk.Properties.Count == 1 && fk.Properties[0] == from.Property
            && fk.PrincipalEntityType == to.Entity && fk.PrincipalKey.Properties.Count == 1 && fk.PrincipalKey.Properties[0] == to.Property);
        if (!matches)
        {
            differences.Add($"{where}: the mart has no foreign key {from.Entity.GetTableName()}.{from.Column} → {to.Entity!.GetTableName()}.{to.Column}");
        }
    }

    private static (IEntityType? Entity, IProperty? Property, string? Column, string? Error) Resolve(string? reference, Dictionary<string, TmdlNode> tables, Dictionary<string, IEntityType> sources)
    {
        var match = reference is null ? Match.Empty : ColumnReference().Match(reference);
        if (!match.Success)
        {
            return (null, null, null, $"column reference '{reference}' is not Table.Column");
        }

        var (tableName, columnName) = (Unquote(match.Groups["table"].Value), Unquote(match.Groups["column"].Value));
        if (!tables.TryGetValue(tableName, out var table) || !sources.TryGetValue(tableName, out var entity))
        {
            return (null, null, null, $"{tableName} is not a table of the model read from the mart");
        }

        var column = table.All("column").FirstOrDefault(c => c.Name == columnName);
        if (column?["sourceColumn"] is not { } sourceColumn)
        {
            return (null, null, null, $"{tableName} has no column {columnName}");
        }

        var store = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var property = entity.GetProperties().FirstOrDefault(p => p.GetColumnName(store) == sourceColumn);
        return property is null
            ? (null, null, null, $"the mart's {entity.GetTableName()} has no column {sourceColumn}")
            : (entity, property, sourceColumn, null);
    }

    private static void CheckDateTable(IEnumerable<TmdlNode> tables, List<string> differences)
    {
        var dateTables = tables.Where(t => t["dataCategory"] == "Time").ToList();
        if (dateTables.Count != 1)
        {
            differences.Add($"the model has {dateTables.Count} tables marked as date tables (dataCategory: Time); it needs one");
            return;
        }

        var keys = dateTables[0].All("column").Where(c => c.Flags.Contains("isKey")).ToList();
        if (keys.Count != 1 || keys[0]["dataType"] != "dateTime")
        {
            differences.Add($"date table {dateTables[0].Name}: needs exactly one key column (isKey) of dataType dateTime");
        }
    }

    private static void CheckMeasures(IReadOnlyCollection<TmdlNode> tables, List<string> differences)
    {
        var measures = tables.SelectMany(t => t.All("measure")).Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var missing in RequiredMeasures.Where(m => !measures.Contains(m)))
        {
            differences.Add($"measure {missing}: missing");
        }

        var fields = tables.ToDictionary(t => t.Name, t => t.Children.Where(c => c.Kind is "column" or "measure").Select(c => c.Name).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var table in tables)
        {
            foreach (var calculated in table.Children.Where(c => c.Kind == "measure" || (c.Kind == "column" && c.Expression is not null)))
            {
                var expression = calculated.Expression ?? "";
                // A bare [name] is a measure, or a column the expression adds itself (SELECTCOLUMNS/ADDCOLUMNS "name", …).
                var local = StringLiteral().Matches(expression).Select(m => m.Groups["text"].Value).ToHashSet(StringComparer.Ordinal);
                foreach (Match reference in DaxReference().Matches(expression))
                {
                    var field = reference.Groups["field"].Value;
                    var owner = reference.Groups["table"].Success ? Unquote(reference.Groups["table"].Value) : null;
                    var known = owner is null ? measures.Contains(field) || local.Contains(field) : fields.TryGetValue(owner, out var names) && names.Contains(field);
                    if (!known)
                    {
                        differences.Add($"{calculated.Kind} {(calculated.Kind == "column" ? table.Name + "." : "")}{calculated.Name}: refers to {(owner is null ? "" : owner)}[{field}], which the model does not have");
                    }
                }
            }
        }
    }

    private static string DataTypeOf(Type clr) => (Nullable.GetUnderlyingType(clr) ?? clr) switch
    {
        var t when t == typeof(int) || t == typeof(long) || t == typeof(short) => "int64",
        var t when t == typeof(string) => "string",
        var t when t == typeof(double) || t == typeof(float) => "double",
        var t when t == typeof(decimal) => "decimal",
        var t when t == typeof(bool) => "boolean",
        var t when t == typeof(DateOnly) || t == typeof(DateTime) || t == typeof(DateTimeOffset) => "dateTime",
        var t => $"(no Power BI type for {t.Name})",
    };

    private static string Unquote(string name) => name.Length >= 2 && name[0] == '\'' && name[^1] == '\'' ? name[1..^1] : name;

    [GeneratedRegex("""Schema\s*=\s*"(?<schema>[^"]+)"\s*,\s*Item\s*=\s*"(?<item>[^"]+)"\s*\]""")]
    private static partial Regex MartItem();

    [GeneratedRegex(@"^(?<table>'[^']+'|[^.']+)\.(?<column>'[^']+'|.+)$")]
    private static partial Regex ColumnReference();

    // table[field] or 'quoted table'[field], else a bare [field] (a measure); names inside "strings" are not references.
    [GeneratedRegex("""(?:(?<table>'[^']+'|\b[A-Za-z_][A-Za-z0-9_]*)\s*)?\[(?<field>[^\]]+)\](?=(?:[^"]*"[^"]*")*[^"]*$)""")]
    private static partial Regex DaxReference();

    [GeneratedRegex("\"(?<text>[^\"]*)\"")]
    private static partial Regex StringLiteral();
}
