using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.Security;

/// <summary>
/// Workbooks whose XML parts carry a document type declaration: external entities that would read a local file or
/// call a URL, an external DTD, or the "billion laughs" (entities of entities, 10⁹ expansions). Each entity is also
/// referenced where its text would surface: a shared string, a cell, or an element of its own.
/// </summary>
internal static class EntityWorkbooks
{
    public static readonly string[] Parts = [XlsxPackage.SharedStrings, XlsxPackage.Sheet, XlsxPackage.Workbook, XlsxPackage.ContentTypes];

    /// <summary>An entity naming <paramref name="target"/> (a file:// or http:// URL), plus an external DTD at <paramref name="dtd"/>.</summary>
    public static byte[] ExternalEntity(string part, string target, string dtd) =>
        With(part, $"""<!DOCTYPE root SYSTEM "{dtd}" [<!ENTITY xxe SYSTEM "{target}"><!ENTITY % remote SYSTEM "{target}">]>""", "&xxe;");

    public static byte[] BillionLaughs(string part)
    {
        var entities = string.Concat(Enumerable.Range(1, 9).Select(i => $"""<!ENTITY lol{i} "{string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10))}">"""));
        return With(part, $"""<!DOCTYPE root [<!ENTITY lol0 "lol">{entities}]>""", "&lol9;");
    }

    private static byte[] With(string part, string doctype, string reference)
    {
        var package = XlsxPackage.Template();
        var xml = package[part];
        var prolog = xml.IndexOf("?>", StringComparison.Ordinal) + 2;
        xml = xml.Insert(prolog, doctype);
        xml = part switch
        {
            XlsxPackage.SharedStrings => xml.Replace("<t>Shared legal service</t>", $"<t>Shared legal service {reference}</t>", StringComparison.Ordinal),
            XlsxPackage.Sheet => xml.Replace("<t>Joint waste partnership</t>", $"<t>Joint waste {reference}</t>", StringComparison.Ordinal),
            // No text of these parts reaches a row: the entity goes in an element of its own, where a parser would expand it.
            _ => xml.Insert(xml.LastIndexOf("</", StringComparison.Ordinal), $"""<note xmlns="urn:ssp-test">{reference}</note>"""),
        };
        package[part] = xml;
        return package.Build();
    }
}
