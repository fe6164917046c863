using System.IO.Compression;
using System.Xml;

namespace SharedServicesPipeline.Bench.Scenarios;

/// <summary>
/// The floor: inflate the shared-strings and worksheet parts and tokenize their XML, materialising every cell value
/// as a string and doing nothing else. No reader of an .xlsx can do less, so it is the yardstick for the ingest.
/// </summary>
internal static class FloorReader
{
    private static readonly XmlReaderSettings Settings = new() { IgnoreWhitespace = false, IgnoreComments = true, DtdProcessing = DtdProcessing.Prohibit };

    /// <summary>Reads every cell; returns how many there were and their total length (so that nothing is optimised away).</summary>
    public static (long Cells, long Characters) Read(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        var strings = zip.GetEntry("xl/sharedStrings.xml") is { } sst ? ReadSharedStrings(sst) : [];
        long cells = 0, characters = 0;
        foreach (var sheet in zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal)))
        {
            using var reader = XmlReader.Create(sheet.Open(), Settings);
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "c")
                {
                    continue;
                }

                var type = reader.GetAttribute("t");
                var value = ReadCellValue(reader);
                if (value is null)
                {
                    continue;
                }

                var text = type == "s" ? strings[int.Parse(value, System.Globalization.CultureInfo.InvariantCulture)] : value;
                cells++;
                characters += text.Length;
            }
        }

        return (cells, characters);
    }

    private static string? ReadCellValue(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            return null;
        }

        // Leaves the reader on the element's end tag: ReadElementContentAsString already moves past each value.
        string? value = null;
        var depth = reader.Depth;
        reader.Read();
        while (!reader.EOF && reader.Depth > depth)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName is "v" or "t")
            {
                var text = reader.ReadElementContentAsString();
                value = value is null ? text : value + text;
            }
            else
            {
                reader.Read();
            }
        }

        return value;
    }

    private static List<string> ReadSharedStrings(ZipArchiveEntry entry)
    {
        var strings = new List<string>();
        using var reader = XmlReader.Create(entry.Open(), Settings);
        reader.MoveToContent();
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "si")
            {
                strings.Add(ReadCellValue(reader) ?? "");
            }
        }

        return strings;
    }
}
