using System.Xml;

namespace SharedServicesPipeline.Pipeline.Reading.OpenXml;

/// <summary>
/// What each cell style (an index into styles.xml's cellXfs) makes of a number: its number format (built in, or a
/// custom one from numFmts) classified once. As ExcelDataReader: an xf with applyNumberFormat="0" shows General, a
/// style index out of range is General, and a format declared in numFmts replaces a built-in one of the same id.
/// </summary>
internal sealed class CellStyles
{
    // Excel's built-in formats that show dates and times (ECMA-376 Part 1, 18.8.30), beyond ExcelDataReader's table,
    // which stops at 14–22 and 45–47: 27–36 and 50–58 are the date formats of Chinese, Japanese and Korean locales.
    private static readonly Dictionary<int, NumberFormatKind> BuiltIn = BuiltInKinds();

    private readonly NumberFormatKind[] _kinds;

    private CellStyles(NumberFormatKind[] kinds) => _kinds = kinds;

    public static CellStyles None { get; } = new([]);

    public NumberFormatKind KindOf(int styleIndex) =>
        (uint)styleIndex < (uint)_kinds.Length ? _kinds[styleIndex] : NumberFormatKind.Number;

    public static CellStyles Read(Stream part, SpreadsheetXml xml)
    {
        var formats = new List<(int NumFmtId, bool Apply)>();
        var custom = new Dictionary<int, string>();
        using (var reader = xml.Open(part))
        {
            if (!xml.IsStart(reader, xml.StyleSheet) || !SpreadsheetXml.EnterContent(reader))
            {
                return None;
            }

            while (!reader.EOF)
            {
                if (xml.IsStart(reader, xml.CellXfs))
                {
                    ReadChildren(reader, xml, xml.Xf, () => formats.Add((Integer(reader.GetAttribute(xml.NumFmtId)), reader.GetAttribute(xml.ApplyNumberFormat) != "0")));
                }
                else if (xml.IsStart(reader, xml.NumFmts))
                {
                    ReadChildren(reader, xml, xml.NumFmt, () => custom[Integer(reader.GetAttribute(xml.NumFmtId))] = reader.GetAttribute(xml.FormatCode)
                        ?? throw new InvalidDataException("A number format in the workbook's styles has no format code."));
                }
                else if (!SpreadsheetXml.SkipContent(reader))
                {
                    break;
                }
            }
        }

        var kinds = new Dictionary<int, NumberFormatKind>();
        NumberFormatKind Kind(int id)
        {
            if (!kinds.TryGetValue(id, out var kind))
            {
                kind = custom.TryGetValue(id, out var code) ? NumberFormatClassifier.Classify(code) : BuiltIn.GetValueOrDefault(id);
                kinds[id] = kind;
            }

            return kind;
        }

        return new CellStyles([.. formats.Select(f => f.Apply ? Kind(f.NumFmtId) : NumberFormatKind.Number)]);
    }

    // Held to ReadLimits.MaxStyles children (Excel allows 64,000 cell formats), repeated ones counted too.
    private static void ReadChildren(XmlReader reader, SpreadsheetXml xml, string child, Action read)
    {
        var count = 0;
        if (!SpreadsheetXml.EnterContent(reader))
        {
            return;
        }

        while (!reader.EOF)
        {
            if (xml.IsStart(reader, child))
            {
                if (++count > ReadLimits.MaxStyles)
                {
                    throw FileLimitException.Beyond($"its styles part has more than {ReadLimits.MaxStyles:N0} '{child}' entries (Excel allows 64,000 cell formats)");
                }

                read();
                SpreadsheetXml.Skip(reader);
            }
            else if (!SpreadsheetXml.SkipContent(reader))
            {
                break;
            }
        }
    }

    // int.TryParse as ExcelDataReader calls it: anything unreadable is 0.
    private static int Integer(string? text) => int.TryParse(text, out var value) ? value : 0;

    private static Dictionary<int, NumberFormatKind> BuiltInKinds()
    {
        var kinds = new Dictionary<int, NumberFormatKind>();
        foreach (var id in Enumerable.Range(14, 9).Concat(Enumerable.Range(27, 10)).Concat([45, 47]).Concat(Enumerable.Range(50, 9)))
        {
            kinds[id] = NumberFormatKind.Date;
        }

        kinds[46] = NumberFormatKind.Duration; // [h]:mm:ss
        return kinds;
    }
}
