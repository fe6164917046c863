using System.Xml;

namespace SharedServicesPipeline.Pipeline.Reading.OpenXml;

/// <summary>
/// xl/workbook.xml and its relationships: the sheets in the workbook's order (not the zip's) with their names,
/// visibility and parts, the date system, and where the shared strings and styles are.
/// </summary>
internal sealed class WorkbookPart
{
    public const string Folder = "xl/";
    public const string PartName = "xl/workbook.xml";
    private const string RelationshipsPartName = "xl/_rels/workbook.xml.rels";

    // The first sheet with each relationship id: looked up once per relationship, however many there are. A sheet and a
    // relationship without one match each other (as a search for the first equal id did); U+FFFF is never in XML text.
    private const string NoId = "\uFFFF";
    private readonly Dictionary<string, SheetEntry> _firstById = new(StringComparer.Ordinal);

    public List<SheetEntry> Sheets { get; } = [];

    /// <summary>workbookPr date1904: serial numbers count from 1904 (old Mac workbooks).</summary>
    public bool Date1904 { get; private set; }

    public string? SharedStringsPart { get; private set; }

    public string? StylesPart { get; private set; }

    public static WorkbookPart Read(PackageParts parts, SpreadsheetXml xml)
    {
        var workbook = new WorkbookPart();
        using (var part = parts.Open(PartName) ?? throw new InvalidDataException("The zip has no xl/workbook.xml, so it is not an Excel workbook."))
        {
            workbook.ReadWorkbook(part, xml);
        }

        using (var rels = parts.Open(RelationshipsPartName))
        {
            if (rels is not null)
            {
                workbook.ReadRelationships(rels, xml);
            }
        }

        return workbook;
    }

    private void ReadWorkbook(Stream part, SpreadsheetXml xml)
    {
        using var reader = xml.Open(part);
        if (!xml.IsStart(reader, xml.Workbook) || !SpreadsheetXml.EnterContent(reader))
        {
            return;
        }

        while (!reader.EOF)
        {
            if (xml.IsStart(reader, xml.WorkbookPr))
            {
                // ExcelDataReader takes "1" only; the schema's boolean also allows "true", which some programs write.
                Date1904 = reader.GetAttribute(xml.Date1904) is "1" or "true";
                SpreadsheetXml.Skip(reader);
            }
            else if (xml.IsStart(reader, xml.Sheets))
            {
                ReadSheets(reader, xml);
            }
            else if (!SpreadsheetXml.SkipContent(reader))
            {
                break;
            }
        }
    }

    private void ReadSheets(XmlReader reader, SpreadsheetXml xml)
    {
        if (!SpreadsheetXml.EnterContent(reader))
        {
            return;
        }

        while (!reader.EOF)
        {
            if (xml.IsStart(reader, xml.Sheet))
            {
                var name = reader.GetAttribute(xml.Name) ?? "";
                var sheetId = reader.GetAttribute(xml.SheetId);
                if (!int.TryParse(sheetId, out _))
                {
                    // As ExcelDataReader, which parses it: a sheet without its number is damage.
                    throw new InvalidDataException($"The workbook's sheet '{name}' has no valid sheetId ('{sheetId}').");
                }

                var id = reader.GetAttribute(xml.Id, xml.TransitionalRelationships) ?? reader.GetAttribute(xml.Id, xml.StrictRelationships);
                var state = reader.GetAttribute(xml.State);
                if (Sheets.Count >= ReadLimits.MaxSheets)
                {
                    throw FileLimitException.Beyond($"its workbook lists more than {ReadLimits.MaxSheets:N0} sheets");
                }

                var entry = new SheetEntry(name, id, string.IsNullOrEmpty(state) ? "visible" : state.ToLowerInvariant());
                Sheets.Add(entry);
                _firstById.TryAdd(id ?? NoId, entry);
                SpreadsheetXml.Skip(reader);
            }
            else if (!SpreadsheetXml.SkipContent(reader))
            {
                break;
            }
        }
    }

    private void ReadRelationships(Stream part, SpreadsheetXml xml)
    {
        using var reader = xml.Open(part);
        if (!SpreadsheetXml.IsStart(reader, xml.Relationships, xml.PackageRelationships) || !SpreadsheetXml.EnterContent(reader))
        {
            return;
        }

        while (!reader.EOF)
        {
            if (SpreadsheetXml.IsStart(reader, xml.Relationship, xml.PackageRelationships))
            {
                var id = reader.GetAttribute(xml.RelationshipId);
                var target = reader.GetAttribute(xml.Target);
                var external = string.Equals(reader.GetAttribute(xml.TargetMode), "External", StringComparison.OrdinalIgnoreCase);
                var path = target is null || external ? null : PackageParts.Resolve(Folder, target);
                var type = reader.GetAttribute(xml.Type) ?? "";

                // As ExcelDataReader: a relationship gives its part to the first sheet with its id (a later one of the same id replaces it).
                if (_firstById.TryGetValue(id ?? NoId, out var sheet))
                {
                    sheet.Part = path;
                }
                else if (type.EndsWith("/sharedStrings", StringComparison.Ordinal))
                {
                    SharedStringsPart ??= path;
                }
                else if (type.EndsWith("/styles", StringComparison.Ordinal))
                {
                    StylesPart ??= path;
                }

                SpreadsheetXml.Skip(reader);
            }
            else if (!SpreadsheetXml.SkipContent(reader))
            {
                break;
            }
        }
    }
}

/// <summary>A sheet as the workbook lists it; <see cref="Part"/> is null when no relationship gives it one.</summary>
internal sealed class SheetEntry(string name, string? relationshipId, string visibleState)
{
    public string Name { get; } = name;

    public string? RelationshipId { get; } = relationshipId;

    public string VisibleState { get; } = visibleState;

    public string? Part { get; set; }
}
