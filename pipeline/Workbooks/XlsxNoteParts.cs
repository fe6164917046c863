using System.Globalization;
using System.Text;
using System.Xml;

namespace SharedServicesPipeline.Pipeline.Workbooks;

/// <summary>
/// The two parts that carry a sheet's notes: <c>xl/commentsN.xml</c> (the text, which every reader reads) and the legacy
/// VML drawing <c>xl/drawings/vmlDrawingN.vml</c> (the hidden yellow box Excel shows on hover; Excel shows no note
/// without it). As ClosedXML writes them: one author, 9 pt Tahoma, a box anchored beside its cell.
/// </summary>
internal static class XlsxNoteParts
{
    public const string CommentsType = "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml";
    public const string VmlType = "application/vnd.openxmlformats-officedocument.vmlDrawing";

    // Who wrote the notes, as Excel shows it on hover; fixed, so the same submission gives the same report.
    private const string Author = "Shared services pipeline";

    private static readonly XmlWriterSettings Settings = new() { Encoding = new UTF8Encoding(false), CloseOutput = true };

    public static void WriteComments(Stream output, IReadOnlyList<XlsxNote> notes)
    {
        using var xml = XmlWriter.Create(output, Settings);
        var ns = XlsxStreamWriter.MainNs;
        xml.WriteStartDocument(standalone: true);
        xml.WriteStartElement("comments", ns);
        xml.WriteStartElement("authors", ns);
        xml.WriteElementString("author", ns, Author);
        xml.WriteEndElement();
        xml.WriteStartElement("commentList", ns);
        foreach (var note in notes)
        {
            xml.WriteStartElement("comment", ns);
            xml.WriteAttributeString("ref", XlsxRowWriter.ColumnName(note.Column) + (note.Row + 1).ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("authorId", "0");
            xml.WriteStartElement("text", ns);
            xml.WriteStartElement("r", ns);
            xml.WriteStartElement("rPr", ns);
            Value(xml, "sz", "9");
            xml.WriteStartElement("color", ns);
            xml.WriteAttributeString("indexed", "81");
            xml.WriteEndElement();
            Value(xml, "rFont", "Tahoma");
            Value(xml, "family", "2");
            xml.WriteEndElement();
            xml.WriteStartElement("t", ns);
            if (note.Text.Length > 0 && (char.IsWhiteSpace(note.Text[0]) || char.IsWhiteSpace(note.Text[^1])))
            {
                xml.WriteAttributeString("xml", "space", null, "preserve");
            }

            xml.WriteString(note.Text);
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    /// <summary>The drawing; <paramref name="firstShape"/> numbers its boxes on from the workbook's earlier ones (a shape id is unique in the workbook).</summary>
    public static void WriteVml(Stream output, IReadOnlyList<XlsxNote> notes, int firstShape)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(false));
        writer.Write("""<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>""");
        for (var i = 0; i < notes.Count; i++)
        {
            var note = notes[i];
            // The box: from a column to the right of the cell and a row above it, 4 rows high (Excel's own default).
            var anchor = string.Create(CultureInfo.InvariantCulture, $"{note.Column + 1}, 15, {Math.Max(0, note.Row - 1)}, 10, {note.Column + 3}, 15, {note.Row + 3}, 4");
            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $"""<v:shape id="_x0000_s{firstShape + i}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:144pt;height:59.25pt;z-index:{i + 1};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto"><v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>{anchor}</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>{note.Row}</x:Row><x:Column>{note.Column}</x:Column></x:ClientData></v:shape>"""));
        }

        writer.Write("</xml>");
    }

    private static void Value(XmlWriter xml, string element, string value)
    {
        xml.WriteStartElement(element, XlsxStreamWriter.MainNs);
        xml.WriteAttributeString("val", value);
        xml.WriteEndElement();
    }
}
