using SharedServicesPipeline.Pipeline;
using System.Text.Json;

namespace SharedServicesPipeline.Publishing;

/// <summary>
/// <c>arrangements.geojson</c> (RFC 7946) for maps: each authority as a Point, each arrangement as a LineString (two
/// located partners) or MultiLineString (more: a line from the lead, else the first partner, to each other one).
/// Coordinates are the register's point inside each area. An arrangement with fewer than two located partners has no
/// line to draw and is left out (the workbook and CSVs still list it).
/// </summary>
public sealed class ArrangementsGeoJson : IPublishedArtifact
{
    public const string FileName = "arrangements.geojson";

    public Task<IReadOnlyList<PublishedFile>> BuildAsync(IReadOnlyList<ExtractTable> tables, PublishContext context, CancellationToken cancellationToken)
    {
        var catalogue = ArrangementCatalogue.Of(tables);
        var counts = catalogue.Arrangements.SelectMany(a => a.Partners).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Count());

        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = PublishedJson.Options.Encoder }))
        {
            json.WriteStartObject();
            json.WriteString("type", "FeatureCollection");
            json.WriteString("run_id", context.RunId);
            json.WriteString("generated_at", context.GeneratedAt);
            json.WriteStartArray("features");
            // Current authorities, and the earlier versions that arrangements still name.
            foreach (var authority in catalogue.Authorities.Where(a => a.IsLocated && (a.IsCurrent || counts.ContainsKey(a.Key))))
            {
                WriteAuthority(json, authority, counts.GetValueOrDefault(authority.Key));
            }

            foreach (var arrangement in catalogue.Arrangements)
            {
                WriteArrangement(json, arrangement);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        IReadOnlyList<PublishedFile> files = [new PublishedFile(FileName, new ReadOnlyMemory<byte>(buffer.GetBuffer(), 0, (int)buffer.Length))];
        return Task.FromResult(files);
    }

    private static void WriteAuthority(Utf8JsonWriter json, CatalogueAuthority authority, int arrangementCount)
    {
        json.WriteStartObject();
        json.WriteString("type", "Feature");
        json.WriteString("id", "authority-" + authority.Key.ToString(System.Globalization.CultureInfo.InvariantCulture));
        json.WriteStartObject("geometry");
        json.WriteString("type", "Point");
        json.WriteStartArray("coordinates");
        WritePosition(json, authority);
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteString("kind", "authority");
        json.WriteNumber("authority_key", authority.Key);
        json.WriteString("authority_code", authority.Code);
        json.WriteString("name", authority.Name);
        json.WriteString("authority_type", authority.AuthorityType);
        json.WriteString("tier_level", authority.TierLevel);
        json.WriteString("sector", authority.Sector);
        json.WriteString("region", authority.Region);
        json.WriteString("nation", authority.Nation);
        json.WriteBoolean("is_current", authority.IsCurrent);
        json.WriteNumber("arrangement_count", arrangementCount);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteArrangement(Utf8JsonWriter json, CatalogueArrangement arrangement)
    {
        var located = arrangement.Partners.Where(p => p.IsLocated).ToList();
        if (located.Count < 2)
        {
            return;
        }

        var hub = located.FirstOrDefault(p => p.Key == arrangement.Lead?.Key) ?? located[0];
        var spokes = located.Where(p => p.Key != hub.Key).ToList();

        json.WriteStartObject();
        json.WriteString("type", "Feature");
        json.WriteString("id", "arrangement-" + arrangement.ArrangementId);
        json.WriteStartObject("geometry");
        json.WriteString("type", spokes.Count == 1 ? "LineString" : "MultiLineString");
        json.WriteStartArray("coordinates");
        foreach (var spoke in spokes)
        {
            if (spokes.Count > 1)
            {
                json.WriteStartArray();
            }

            json.WriteStartArray();
            WritePosition(json, hub);
            json.WriteEndArray();
            json.WriteStartArray();
            WritePosition(json, spoke);
            json.WriteEndArray();
            if (spokes.Count > 1)
            {
                json.WriteEndArray();
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteString("kind", "arrangement");
        json.WriteString("arrangement_id", arrangement.ArrangementId);
        json.WriteString("reference", arrangement.Reference);
        json.WriteString("title", arrangement.Title);
        json.WriteString("service_area", arrangement.ServiceArea);
        json.WriteString("category", arrangement.Category);
        json.WriteString("status", arrangement.Status);
        if (arrangement.StartDate is { } start)
        {
            json.WriteString("start_date", start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }
        else
        {
            json.WriteNull("start_date");
        }

        WriteMoney(json, "annual_savings_gbp", arrangement.AnnualSavingsGbp);
        WriteMoney(json, "savings_to_date_gbp", arrangement.SavingsToDateGbp);
        json.WriteNumber("partner_count", arrangement.Partners.Count);
        json.WriteString("lead_authority", arrangement.Lead?.Name);
        json.WriteStartArray("partners");
        foreach (var partner in arrangement.Partners)
        {
            json.WriteStringValue(partner.Name);
        }

        json.WriteEndArray();
        json.WriteStartArray("partner_codes");
        foreach (var partner in arrangement.Partners)
        {
            json.WriteStringValue(partner.Code);
        }

        json.WriteEndArray();
        json.WriteStartArray("regions");
        foreach (var area in arrangement.Areas)
        {
            json.WriteStringValue(area);
        }

        json.WriteEndArray();
        json.WriteBoolean("is_cross_tier", arrangement.IsCrossTier);
        json.WriteBoolean("is_cross_sector", arrangement.IsCrossSector);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    // RFC 7946: longitude first; five decimal places is about a metre, far finer than a point inside an area.
    private static void WritePosition(Utf8JsonWriter json, CatalogueAuthority authority)
    {
        json.WriteNumberValue(Math.Round(authority.Longitude!.Value, 5));
        json.WriteNumberValue(Math.Round(authority.Latitude!.Value, 5));
    }

    private static void WriteMoney(Utf8JsonWriter json, string name, decimal? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
