using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using SharedServicesPipeline.Pipeline.Reference;

namespace SharedServicesPipeline.Bench.Intake;

/// <summary>
/// Writes a large submission in the template's 16 columns as Excel would (shared strings, numbers as numbers), with
/// unique titles and descriptions, so that the shared strings table is as big as a real one of this size. One row in
/// a hundred has a problem (a negative saving), so the report has rows to show.
/// </summary>
internal static class SubmissionGenerator
{
    private static readonly string[] Header =
    [
        "Reference", "Arrangement", "Partners", "Lead authority", "Service area", "Arrangement type", "Description",
        "Start date", "End date", "Status", "Annual savings (£)", "Savings to date (£)", "Governance", "Delivery model",
        "Contact name", "Contact email",
    ];

    private static readonly string[] Services = ["Legal", "ICT", "HR", "Revenues and benefits", "Waste collection", "Libraries", "Planning"];

    public static AuthorityRegister Register { get; } = new(
    [
        new Authority { Code = "E10000012", Name = "Essex County Council", Type = AuthorityType.County, Tier = TierLevel.Upper, Sector = Sector.Council },
        new Authority { Code = "E06000039", Name = "Slough Borough Council", Type = AuthorityType.Unitary, Tier = TierLevel.Single, Sector = Sector.Council },
        new Authority { Code = "E07000068", Name = "Brentwood Borough Council", Type = AuthorityType.District, Tier = TierLevel.Lower, Sector = Sector.Council },
    ]);

    /// <summary>Every how many rows one has a negative saving (1: every row has a problem, the report's worst case).</summary>
    public static int BadEvery { get; set; } = 100;

    private static object?[] Row(int i) =>
    [
        $"B-{i:D6}",
        $"Shared service arrangement number {i}",
        i % 2 == 0 ? "Essex County Council; Slough Borough Council" : "Essex County Council\nBrentwood Borough Council",
        "Essex County Council",
        Services[i % Services.Length],
        null,
        $"Arrangement {i}: the partners share a team, a budget and a single manager under a partnership agreement.",
        $"{1 + (i % 28):D2}/04/20{10 + (i % 10):D2}",
        null,
        "Live",
        i % BadEvery == 0 ? -5000d : 1000d * (i % 500),
        25_000d + i,
        "Joint committee",
        "Shared in-house",
        $"Officer {i}",
        $"officer{i}@example.gov.uk",
    ];

    public static void WriteCsv(string path, int rows)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(true));
        writer.Write(string.Join(",", Header.Select(Quote)) + "\r\n");
        for (var i = 1; i <= rows; i++)
        {
            writer.Write(string.Join(",", Row(i).Select(v => Quote(v switch
            {
                null => "",
                double d => d.ToString(CultureInfo.InvariantCulture),
                var o => o.ToString()!,
            }))) + "\r\n");
        }
    }

    public static void WriteXlsx(string path, int rows)
    {
        var strings = new Dictionary<string, int>(StringComparer.Ordinal);
        int Index(string s) => strings.TryGetValue(s, out var n) ? n : strings[s] = strings.Count;

        using var zip = new ZipArchive(File.Create(path), ZipArchiveMode.Create);
        Part(zip, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>""");
        Part(zip, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
        Part(zip, "xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Arrangements" sheetId="1" r:id="rId1"/></sheets></workbook>""");
        Part(zip, "xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>""");

        const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        using (var xml = XmlWriter.Create(zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Optimal).Open(), new XmlWriterSettings { CloseOutput = true }))
        {
            xml.WriteStartElement("worksheet", Main);
            xml.WriteStartElement("sheetData", Main);
            for (var r = 0; r <= rows; r++)
            {
                var values = r == 0 ? Header.Cast<object?>().ToArray() : Row(r);
                xml.WriteStartElement("row", Main);
                xml.WriteAttributeString("r", (r + 1).ToString(CultureInfo.InvariantCulture));
                for (var c = 0; c < values.Length; c++)
                {
                    if (values[c] is null)
                    {
                        continue;
                    }

                    xml.WriteStartElement("c", Main);
                    xml.WriteAttributeString("r", $"{(char)('A' + c)}{r + 1}");
                    if (values[c] is string s)
                    {
                        xml.WriteAttributeString("t", "s");
                        xml.WriteElementString("v", Main, Index(s).ToString(CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        xml.WriteElementString("v", Main, ((double)values[c]!).ToString(CultureInfo.InvariantCulture));
                    }

                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        using (var xml = XmlWriter.Create(zip.CreateEntry("xl/sharedStrings.xml", CompressionLevel.Optimal).Open(), new XmlWriterSettings { CloseOutput = true }))
        {
            xml.WriteStartElement("sst", Main);
            foreach (var s in strings.OrderBy(p => p.Value).Select(p => p.Key))
            {
                xml.WriteStartElement("si", Main);
                xml.WriteElementString("t", Main, s);
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }
    }

    private static string Quote(string s) => s.Contains(',') || s.Contains('"') || s.Contains('\n') ? $"\"{s.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : s;

    private static void Part(ZipArchive zip, string name, string content)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(content);
    }
}
