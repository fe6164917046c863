using System.Xml;

namespace SharedServicesPipeline.Pipeline.Reading.OpenXml;

/// <summary>
/// The element and attribute names of SpreadsheetML, atomised in one name table so that a name is recognised by
/// reference, and the walk over a part's elements that ExcelDataReader does (move to content; a known child is read,
/// anything else skipped), so both readers see the same values in a damaged or unusual part.
/// Transitional and Strict OOXML differ only in their namespaces; an element of either is taken.
/// </summary>
internal sealed class SpreadsheetXml
{
    public const string TransitionalNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    public const string StrictNamespace = "http://purl.oclc.org/ooxml/spreadsheetml/main";
    public const string PackageRelationshipsNamespace = "http://schemas.openxmlformats.org/package/2006/relationships";
    public const string TransitionalRelationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    public const string StrictRelationshipsNamespace = "http://purl.oclc.org/ooxml/officeDocument/relationships";

    private readonly XmlReaderSettings _settings;

    public SpreadsheetXml()
    {
        // Bounded: every name of every part read stays in the table.
        var names = new BoundedNameTable();
        Transitional = names.Add(TransitionalNamespace);
        Strict = names.Add(StrictNamespace);
        PackageRelationships = names.Add(PackageRelationshipsNamespace);
        TransitionalRelationships = names.Add(TransitionalRelationshipsNamespace);
        StrictRelationships = names.Add(StrictRelationshipsNamespace);
        Empty = names.Add("");
        Worksheet = names.Add("worksheet");
        SheetData = names.Add("sheetData");
        Row = names.Add("row");
        C = names.Add("c");
        V = names.Add("v");
        Is = names.Add("is");
        T = names.Add("t");
        R = names.Add("r");
        S = names.Add("s");
        Si = names.Add("si");
        Sst = names.Add("sst");
        MergeCells = names.Add("mergeCells");
        MergeCell = names.Add("mergeCell");
        Ref = names.Add("ref");
        Workbook = names.Add("workbook");
        WorkbookPr = names.Add("workbookPr");
        Date1904 = names.Add("date1904");
        Sheets = names.Add("sheets");
        Sheet = names.Add("sheet");
        Name = names.Add("name");
        SheetId = names.Add("sheetId");
        Id = names.Add("id");
        State = names.Add("state");
        StyleSheet = names.Add("styleSheet");
        CellXfs = names.Add("cellXfs");
        Xf = names.Add("xf");
        NumFmtId = names.Add("numFmtId");
        ApplyNumberFormat = names.Add("applyNumberFormat");
        NumFmts = names.Add("numFmts");
        NumFmt = names.Add("numFmt");
        FormatCode = names.Add("formatCode");
        Relationships = names.Add("Relationships");
        Relationship = names.Add("Relationship");
        RelationshipId = names.Add("Id");
        Target = names.Add("Target");
        TargetMode = names.Add("TargetMode");
        Type = names.Add("Type");

        // As ExcelDataReader's defaults, but no DTD ever (DOCTYPEs are refused before this) and no comments reported.
        _settings = new XmlReaderSettings
        {
            NameTable = names,
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = false,
            CloseInput = false,
        };
    }

    public string Transitional { get; }

    public string Strict { get; }

    public string PackageRelationships { get; }

    public string TransitionalRelationships { get; }

    public string StrictRelationships { get; }

    public string Empty { get; }

    // Element and attribute names.
    public string Worksheet { get; }

    public string SheetData { get; }

    public string Row { get; }

    public string C { get; }

    public string V { get; }

    public string Is { get; }

    public string T { get; }

    public string R { get; }

    public string S { get; }

    public string Si { get; }

    public string Sst { get; }

    public string MergeCells { get; }

    public string MergeCell { get; }

    public string Ref { get; }

    public string Workbook { get; }

    public string WorkbookPr { get; }

    public string Date1904 { get; }

    public string Sheets { get; }

    public string Sheet { get; }

    public string Name { get; }

    public string SheetId { get; }

    public string Id { get; }

    public string State { get; }

    public string StyleSheet { get; }

    public string CellXfs { get; }

    public string Xf { get; }

    public string NumFmtId { get; }

    public string ApplyNumberFormat { get; }

    public string NumFmts { get; }

    public string NumFmt { get; }

    public string FormatCode { get; }

    public string Relationships { get; }

    public string Relationship { get; }

    public string RelationshipId { get; }

    public string Target { get; }

    public string TargetMode { get; }

    public string Type { get; }

    public XmlReader Open(Stream part) => XmlReader.Create(part, _settings);

    /// <summary>Moves to content and says whether it is the start of SpreadsheetML element <paramref name="name"/>.</summary>
    public bool IsStart(XmlReader reader, string name)
    {
        if (reader.MoveToContent() != XmlNodeType.Element || !ReferenceEquals(reader.LocalName, name))
        {
            return false;
        }

        var ns = reader.NamespaceURI;
        return ReferenceEquals(ns, Transitional) || ReferenceEquals(ns, Strict);
    }

    /// <summary>As <see cref="IsStart(XmlReader, string)"/> for an element of another namespace.</summary>
    public static bool IsStart(XmlReader reader, string name, string ns) =>
        reader.MoveToContent() == XmlNodeType.Element && ReferenceEquals(reader.LocalName, name) && ReferenceEquals(reader.NamespaceURI, ns);

    /// <summary>From an element's start into its content: false (and past it) when it is empty.</summary>
    public static bool EnterContent(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return false;
        }

        reader.MoveToContent();
        reader.Read();
        return true;
    }

    /// <summary>Skips a node that is not wanted; false (and past it) at the end of the enclosing element.</summary>
    public static bool SkipContent(XmlReader reader)
    {
        if (reader.NodeType == XmlNodeType.EndElement)
        {
            reader.Read();
            return false;
        }

        Skip(reader);
        return true;
    }

    /// <summary>
    /// XmlReader.Skip, but refusing to go deeper than <see cref="ReadLimits.MaxDepth"/>: the parser holds a frame for
    /// each open element, so a million nested elements inside one it skips would otherwise be held, not skipped.
    /// </summary>
    public static void Skip(XmlReader reader)
    {
        if (reader.NodeType != XmlNodeType.Element || reader.IsEmptyElement)
        {
            reader.Read();
            return;
        }

        var depth = reader.Depth;
        while (reader.Read())
        {
            if (reader.Depth > ReadLimits.MaxDepth)
            {
                throw FileLimitException.Beyond($"its XML nests elements more than {ReadLimits.MaxDepth:N0} deep (a workbook nests a dozen)");
            }

            if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth)
            {
                reader.Read();
                return;
            }
        }
    }

    /// <summary>An attribute without a namespace prefix, as XmlReader.GetAttribute(name) finds it.</summary>
    public static string? Attribute(XmlReader reader, string name) => reader.GetAttribute(name);

    /// <summary>
    /// Appends an element's text (its text, CDATA and whitespace, as ReadElementContentAsString gives it) and moves past
    /// its end. An element inside it is damage, as it is to ReadElementContentAsString.
    /// </summary>
    public static void ReadText(XmlReader reader, TextBuffer text)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return;
        }

        var depth = reader.Depth;
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    text.AppendValueOf(reader);
                    break;
                case XmlNodeType.EndElement when reader.Depth == depth:
                    reader.Read();
                    return;
                case XmlNodeType.Element:
                    throw new XmlException($"The element '{reader.Name}' is inside a cell's text, where only text can be.", null, LineNumber(reader), LinePosition(reader));
            }
        }
    }

    /// <summary>A shared or inline string item (<c>si</c>, <c>is</c>): its <c>t</c> and rich-text runs' <c>t</c>, phonetic runs left out.</summary>
    public void ReadStringItem(XmlReader reader, TextBuffer text)
    {
        if (!EnterContent(reader))
        {
            return;
        }

        while (!reader.EOF)
        {
            if (IsStart(reader, T))
            {
                ReadText(reader, text);
            }
            else if (IsStart(reader, R))
            {
                ReadRun(reader, text);
            }
            else if (!SkipContent(reader))
            {
                break;
            }
        }
    }

    private void ReadRun(XmlReader reader, TextBuffer text)
    {
        if (!EnterContent(reader))
        {
            return;
        }

        while (!reader.EOF)
        {
            if (IsStart(reader, T))
            {
                ReadText(reader, text);
            }
            else if (!SkipContent(reader))
            {
                break;
            }
        }
    }

    private static int LineNumber(XmlReader reader) => reader is IXmlLineInfo info ? info.LineNumber : 0;

    private static int LinePosition(XmlReader reader) => reader is IXmlLineInfo info ? info.LinePosition : 0;
}
