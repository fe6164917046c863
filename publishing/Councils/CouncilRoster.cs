using SharedServicesPipeline.Publishing;

namespace SharedServicesPipeline.Publishing.Councils;

/// <summary>
/// The councils that are compared: dim_authority's current rows of sector council, except the combined and strategic
/// authorities (tier "other", a layer over councils rather than a council like them), once per code, in code order.
/// </summary>
public static class CouncilRoster
{
    public static IReadOnlyList<ComparedCouncil> From(IReadOnlyList<ExtractTable> tables, CouncilBoundaries boundaries)
    {
        if (tables.All(t => t.Name != "dim_authority"))
        {
            return [];
        }

        return [.. ExtractTableRows.Of(tables, "dim_authority").Rows
            .Where(r => r.Int("authority_key") > 0 && r.Bool("is_current") && r.Text("sector") == "council" && r.Text("tier_level") is { } tier && tier != "other")
            .Select(r =>
            {
                var code = r.Text("authority_code")!;
                var areas = boundaries.Of(code);
                var centre = areas.Count > 0 ? areas[0] : null;
                return new ComparedCouncil(
                    code,
                    r.Text("name") ?? code,
                    r.Text("authority_type") ?? "",
                    r.Text("tier_level")!,
                    r.Text("region"),
                    r.Text("nation"),
                    r.Text("parent_code"),
                    r.Date("existed_from"),
                    r.Date("existed_to"),
                    centre?.Longitude ?? r.Number("longitude"),
                    centre?.Latitude ?? r.Number("latitude"),
                    areas);
            })
            .DistinctBy(c => c.Code, StringComparer.OrdinalIgnoreCase)
            .OrderBy(c => c.Code, StringComparer.Ordinal)];
    }
}
