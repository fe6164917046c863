using System.Text.Json.Nodes;

namespace SharedServicesPipeline.Tests.PowerBi;

/// <summary>
/// Checks that every field a PBIR report's visuals, filters, sorts and drill-through bindings name is in the semantic model
/// with the right kind (a <c>Column</c> reference names a column, a <c>Measure</c> reference a measure), that projections'
/// queryRef matches the field, and that pages, visuals and drill-through filters are wired by their names. Returns every
/// difference, one readable line each (file, field, what to change).
/// </summary>
internal static class PbirFieldChecker
{
    // The data roles of the built-in visuals the report uses, as Power BI Desktop writes them in queryState. The schema
    // allows any role name, and a misspelt one validates but leaves the visual empty.
    private static readonly Dictionary<string, string[]> Roles = new(StringComparer.Ordinal)
    {
        ["cardVisual"] = ["Data"],
        ["card"] = ["Values"],
        ["slicer"] = ["Values"],
        ["tableEx"] = ["Values"],
        ["clusteredBarChart"] = ["Category", "Series", "Y", "Tooltips"],
        ["lineChart"] = ["Category", "Series", "Y", "Y2", "Tooltips"],
        ["lineClusteredColumnComboChart"] = ["Category", "Series", "Y", "Y2", "Tooltips"],
        ["azureMap"] = ["Category", "Series", "Size", "X", "Y", "Tooltips"],
        ["textbox"] = [],
    };

    public static List<string> Check(IReadOnlyList<PbirFile> files, SemanticModelFields model)
    {
        var differences = new List<string>();
        foreach (var file in files)
        {
            Walk(file.Path, file.Json, new Dictionary<string, string>(StringComparer.Ordinal), model, differences);
        }

        foreach (var visual in files.Where(f => f.Path.EndsWith("/visual.json", StringComparison.Ordinal)))
        {
            CheckRoles(visual, differences);
        }

        CheckNames(files, differences);
        return differences;
    }

    private static void Walk(string file, JsonNode? node, Dictionary<string, string> aliases, SemanticModelFields model, List<string> differences)
    {
        switch (node)
        {
            case JsonArray array:
                foreach (var item in array)
                {
                    Walk(file, item, aliases, model, differences);
                }

                break;
            case JsonObject obj:
                // A filter's query names its tables in From; its conditions refer to them by alias (SourceRef.Source).
                if (obj["From"] is JsonArray from)
                {
                    aliases = new Dictionary<string, string>(aliases, StringComparer.Ordinal);
                    foreach (var source in from.OfType<JsonObject>())
                    {
                        if (source["Name"]?.GetValue<string>() is { } alias && source["Entity"]?.GetValue<string>() is { } entity)
                        {
                            aliases[alias] = entity;
                        }
                    }
                }

                CheckField(file, obj, aliases, model, differences);
                CheckProjection(file, obj, aliases, differences);
                foreach (var (_, child) in obj)
                {
                    Walk(file, child, aliases, model, differences);
                }

                break;
        }
    }

    private static void CheckField(string file, JsonObject obj, Dictionary<string, string> aliases, SemanticModelFields model, List<string> differences)
    {
        foreach (var kind in new[] { "Column", "Measure" })
        {
            if (obj[kind] is not JsonObject reference)
            {
                continue;
            }

            var (entity, property, error) = Resolve(reference, aliases);
            if (error is not null)
            {
                differences.Add($"{file}: {error}");
                continue;
            }

            if (!model.Tables.TryGetValue(entity!, out var table))
            {
                differences.Add($"{file}: {kind} {entity}[{property}]: the model has no table {entity}");
                continue;
            }

            var (wanted, other, otherKind) = kind == "Column" ? (table.Columns, table.Measures, "a measure") : (table.Measures, table.Columns, "a column");
            if (!wanted.Contains(property!))
            {
                differences.Add(other.Contains(property!)
                    ? $"{file}: {kind} {entity}[{property}]: {entity}[{property}] is {otherKind}, not a {kind.ToLowerInvariant()}; refer to it as {(kind == "Column" ? "Measure" : "Column")}"
                    : $"{file}: {kind} {entity}[{property}]: {entity} has no {kind.ToLowerInvariant()} {property}");
            }
        }

        if (model.DiscouragesImplicitMeasures && obj["Aggregation"] is JsonObject aggregation)
        {
            var column = aggregation["Expression"]?["Column"] as JsonObject;
            var (entity, property, _) = column is null ? (null, null, null) : Resolve(column, aliases);
            differences.Add($"{file}: aggregates {entity}[{property}] on the fly, but the model discourages implicit measures; add a measure to the TMDL and use it");
        }

        if (obj["Hierarchy"] is not null || obj["HierarchyLevel"] is not null)
        {
            differences.Add($"{file}: refers to a hierarchy, and the model defines none");
        }
    }

    // A projection's queryRef is how Power BI ties sorts, formatting and drill state to it: it must name the field it projects.
    private static void CheckProjection(string file, JsonObject obj, Dictionary<string, string> aliases, List<string> differences)
    {
        if (obj["queryRef"]?.GetValue<string>() is not { } queryRef || obj["field"] is not JsonObject field)
        {
            return;
        }

        var reference = (field["Column"] ?? field["Measure"]) as JsonObject;
        if (reference is null)
        {
            return;
        }

        var (entity, property, error) = Resolve(reference, aliases);
        if (error is null && queryRef != $"{entity}.{property}")
        {
            differences.Add($"{file}: projection of {entity}[{property}] has queryRef '{queryRef}'; it should be '{entity}.{property}'");
        }
    }

    private static (string? Entity, string? Property, string? Error) Resolve(JsonObject reference, Dictionary<string, string> aliases)
    {
        var property = reference["Property"]?.GetValue<string>();
        var sourceRef = reference["Expression"]?["SourceRef"];
        var entity = sourceRef?["Entity"]?.GetValue<string>();
        if (entity is null && sourceRef?["Source"]?.GetValue<string>() is { } alias)
        {
            if (!aliases.TryGetValue(alias, out entity))
            {
                return (null, property, $"field {property} refers to source '{alias}', which no From of its filter names");
            }
        }

        return entity is null || property is null ? (null, null, $"a field reference without SourceRef.Entity and Property: {reference.ToJsonString()}") : (entity, property, null);
    }

    private static void CheckRoles(PbirFile visual, List<string> differences)
    {
        if (visual.Json["visual"] is not JsonObject config || config["visualType"]?.GetValue<string>() is not { } type)
        {
            return; // a group container has no visual
        }

        if (!Roles.TryGetValue(type, out var roles))
        {
            differences.Add($"{visual.Path}: visual type {type} is not one this check knows; add its data roles to PbirFieldChecker.Roles");
            return;
        }

        foreach (var (role, _) in config["query"]?["queryState"] as JsonObject ?? [])
        {
            if (!roles.Contains(role, StringComparer.Ordinal))
            {
                differences.Add($"{visual.Path}: {type} has no data role {role} (it has {(roles.Length == 0 ? "none" : string.Join(", ", roles))})");
            }
        }
    }

    private static void CheckNames(IReadOnlyList<PbirFile> files, List<string> differences)
    {
        var pages = files.Where(f => f.Path.EndsWith("/page.json", StringComparison.Ordinal)).ToList();
        var pageFolders = pages.Select(p => p.Path.Split('/')[^2]).ToHashSet(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            var folder = page.Path.Split('/')[^2];
            if (page.Json["name"]?.GetValue<string>() != folder)
            {
                differences.Add($"{page.Path}: name '{page.Json["name"]}' is not its folder's name '{folder}'");
            }

            var filters = (page.Json["filterConfig"]?["filters"] as JsonArray ?? []).Select(f => f?["name"]?.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
            foreach (var parameter in page.Json["pageBinding"]?["parameters"] as JsonArray ?? [])
            {
                if (parameter?["boundFilter"]?.GetValue<string>() is { } bound && !filters.Contains(bound))
                {
                    differences.Add($"{page.Path}: drill-through parameter '{parameter["name"]?.GetValue<string>()}' is bound to filter '{bound}', which the page's filterConfig does not have");
                }
            }

            if (page.Json["type"]?.GetValue<string>() == "Drillthrough" && page.Json["pageBinding"]?["parameters"] is not JsonArray { Count: > 0 })
            {
                differences.Add($"{page.Path}: a drill-through page needs pageBinding.parameters, or Power BI Desktop does not offer it as a drill-through target");
            }
        }

        foreach (var visual in files.Where(f => f.Path.EndsWith("/visual.json", StringComparison.Ordinal)))
        {
            var folder = visual.Path.Split('/')[^2];
            if (visual.Json["name"]?.GetValue<string>() != folder)
            {
                differences.Add($"{visual.Path}: name '{visual.Json["name"]}' is not its folder's name '{folder}'");
            }
        }

        if (files.FirstOrDefault(f => f.Path == "definition/pages/pages.json") is { } pagesJson)
        {
            var order = (pagesJson.Json["pageOrder"] as JsonArray ?? []).Select(p => p?.GetValue<string>() ?? "").ToList();
            foreach (var missing in order.Where(p => !pageFolders.Contains(p)).Concat(pageFolders.Where(p => !order.Contains(p))))
            {
                differences.Add($"definition/pages/pages.json: pageOrder and the page folders differ on '{missing}'");
            }

            if (pagesJson.Json["activePageName"]?.GetValue<string>() is { } active && !pageFolders.Contains(active))
            {
                differences.Add($"definition/pages/pages.json: activePageName '{active}' is not a page");
            }
        }
        else
        {
            differences.Add("definition/pages/pages.json: missing");
        }
    }
}
