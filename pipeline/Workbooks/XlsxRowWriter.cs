using System.Globalization;
using System.Xml;

namespace SharedServicesPipeline.Pipeline.Workbooks;

/// <summary>Writes the rows of one sheet, in order; each row's cells are given left to right (null leaves a cell empty).</summary>
internal sealed class XlsxRowWriter(XmlWriter xml)
{
    private const string MainNs = XlsxStreamWriter.MainNs;
    private static readonly string[] SingleLetters = [.. Enumerable.Range(0, 26).Select(i => ((char)('A' + i)).ToString())];

    private readonly List<XlsxNote> _notes = [];
    private int _row;
    private int _column;

    public int Row => _row;

    /// <summary>The notes given so far, in order (held until the sheet is written: one a cell at most).</summary>
    internal IReadOnlyList<XlsxNote> Notes => _notes;

    public void StartRow(int row)
    {
        if (_row > 0)
        {
            xml.WriteEndElement();
        }

        _row = row;
        _column = 0;
        xml.WriteStartElement("row", MainNs);
        xml.WriteAttributeString("r", row.ToString(CultureInfo.InvariantCulture));
    }

    public void EndRows()
    {
        if (_row > 0)
        {
            xml.WriteEndElement();
        }
    }

    public void Skip(int cells = 1) => _column += cells;

    public void Text(string? text, XlsxStyle style = XlsxStyle.Normal)
    {
        var safe = XmlSafe(text);
        if (string.IsNullOrEmpty(safe))
        {
            _column++;
            return;
        }

        // The cell's markup is written raw, as the XmlWriter would write it (default namespace, attributes in this
        // order): its element and attribute bookkeeping cost more than the rest of a 2.4M-cell compendium. Only
        // the text goes through WriteString, so it is escaped exactly as before.
        xml.WriteRaw(CellStart(style, " t=\"inlineStr\"><is><t"));
        xml.WriteRaw(char.IsWhiteSpace(safe[0]) || char.IsWhiteSpace(safe[^1]) ? " xml:space=\"preserve\">" : ">");
        xml.WriteString(safe);
        xml.WriteRaw("</t></is></c>");
    }

    public void Number(decimal? value, XlsxStyle style = XlsxStyle.Normal)
    {
        if (value is not { } number)
        {
            _column++;
            return;
        }

        xml.WriteRaw(CellStart(style, "><v>"));
        xml.WriteRaw(number.ToString(CultureInfo.InvariantCulture));
        xml.WriteRaw("</v></c>");
    }

    public void Date(DateTime? value, XlsxStyle style) =>
        Number(value is { } date ? (decimal)date.ToOADate() : null, style);

    /// <summary>A number as a double keeps it (shortest round-trip form); one XML cannot carry (NaN, infinity) is written as its text.</summary>
    public void Real(double value, XlsxStyle style = XlsxStyle.Normal)
    {
        if (!double.IsFinite(value))
        {
            Text(value.ToString(CultureInfo.InvariantCulture), style);
            return;
        }

        xml.WriteRaw(CellStart(style, "><v>"));
        xml.WriteRaw(value.ToString("R", CultureInfo.InvariantCulture));
        xml.WriteRaw("</v></c>");
    }

    public void Boolean(bool value, XlsxStyle style = XlsxStyle.Normal)
    {
        xml.WriteRaw(CellStart(style, " t=\"b\"><v>"));
        xml.WriteRaw(value ? "1" : "0");
        xml.WriteRaw("</v></c>");
    }

    /// <summary>A cell with a style and no value (a fill on an empty cell); with <see cref="XlsxStyle.Normal"/>, no cell at all.</summary>
    public void Blank(XlsxStyle style)
    {
        if (style == XlsxStyle.Normal)
        {
            _column++;
            return;
        }

        xml.WriteRaw(CellStart(style, "/>"));
    }

    /// <summary>A note on the cell given last (empty or not); text that XML cannot carry is dropped, as in cells.</summary>
    public void Note(string text)
    {
        if (_row == 0 || _column == 0)
        {
            throw new InvalidOperationException("A note belongs to a cell: give the cell first.");
        }

        _notes.Add(new XlsxNote(_row - 1, _column - 1, XmlSafe(text) ?? ""));
    }

    /// <summary>A table's total of one column (what Excel writes for a totals-row sum), its value cached so that
    /// programs that do not calculate still show it.</summary>
    public void Subtotal(string table, string column, decimal cached, XlsxStyle style)
    {
        StartCell(style);
        xml.WriteElementString("f", MainNs, $"SUBTOTAL(109,{table}[{column}])");
        xml.WriteElementString("v", MainNs, cached.ToString(CultureInfo.InvariantCulture));
        xml.WriteEndElement();
    }

    /// <summary>A, B, … Z, AA, AB …: the column letters of a zero-based index.</summary>
    internal static string ColumnName(int index)
    {
        if (index < SingleLetters.Length)
        {
            return SingleLetters[index];
        }

        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    private string CellStart(XlsxStyle style, string rest) =>
        style == XlsxStyle.Normal
            ? string.Concat("<c r=\"", ColumnName(_column++), _row.ToString(CultureInfo.InvariantCulture), "\"", rest)
            : string.Concat("<c r=\"", ColumnName(_column++), _row.ToString(CultureInfo.InvariantCulture), "\" s=\"", ((int)style).ToString(CultureInfo.InvariantCulture), "\"", rest);

    private void StartCell(XlsxStyle style)
    {
        xml.WriteStartElement("c", MainNs);
        xml.WriteAttributeString("r", ColumnName(_column++) + _row.ToString(CultureInfo.InvariantCulture));
        if (style != XlsxStyle.Normal)
        {
            xml.WriteAttributeString("s", ((int)style).ToString(CultureInfo.InvariantCulture));
        }
    }

    // XML 1.0 cannot carry most control characters or unpaired surrogates; Excel's cell limit is 32,767 characters.
    internal static string? XmlSafe(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        var clean = NeedsCleaning(text)
            ? new string([.. text.Where((c, k) => XmlConvert.IsXmlChar(c) || (char.IsSurrogate(c) && IsPaired(text, k)))])
            : text;
        return clean.Length > 32_767 ? clean[..(char.IsHighSurrogate(clean[32_766]) ? 32_766 : 32_767)] : clean;
    }

    private static bool NeedsCleaning(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!XmlConvert.IsXmlChar(text[i]) && !(char.IsSurrogate(text[i]) && IsPaired(text, i)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsPaired(string text, int index) =>
        char.IsHighSurrogate(text[index])
            ? index + 1 < text.Length && char.IsLowSurrogate(text[index + 1])
            : index > 0 && char.IsHighSurrogate(text[index - 1]);
}
