using System.Text.RegularExpressions;

namespace SharedServicesPipeline.Tests.Fuzz;

/// <summary>
/// Mutations of a part's XML text that keep the zip sound, so the damage reaches the XML parser and the reader's
/// handling of odd values instead of stopping at a checksum.
/// </summary>
internal static partial class XmlTextMutations
{
    private static readonly string[] Snippets =
    [
        "<row>", "</row>", "<row r=\"0\"/>", "<row r=\"-1\"><c r=\"A-1\"/></row>", "<c r=\"A1\" t=\"s\"><v>999999</v></c>",
        "<c t=\"s\"><v>-1</v></c>", "<c t=\"e\"><v>#REF!</v></c>", "<c t=\"n\"><v>1e400</v></c>", "<c t=\"b\"><v>2</v></c>",
        "<c t=\"d\"><v>not a date</v></c>", "<c s=\"9999\"><v>1</v></c>", "&amp;", "&#0;", "&#xD800;", "&bogus;", "<![CDATA[x]]>",
        "<!-- comment -->", "<?pi data?>", "_xD800_", "_x0000_", "_x0007_", "<is><t>x</t></is>", "<f>SUM(A1:A9)</f>",
        "<mergeCells><mergeCell ref=\"A1:XFD1048576\"/></mergeCells>", "<dimension ref=\"A1:XFD1048576\"/>",
        "<sheet name=\"\" sheetId=\"0\" r:id=\"rId9\"/>", "<!DOCTYPE root [<!ENTITY e \"x\">]>", "&e;", "\u0000", "\uFEFF", "<", ">", "\"", "'", "=", "xmlns=\"urn:x\"",
    ];

    private static readonly string[] Numbers = ["-1", "0", "2147483647", "2147483648", "-2147483649", "99999999999999999999", "1e308", "-1e308", "NaN", "", "1.5", "0x10", "٣"];

    public static string Mutate(string xml, Random random)
    {
        if (xml.Length == 0)
        {
            return Snippets[random.Next(Snippets.Length)];
        }

        var at = random.Next(xml.Length);
        var length = Math.Min(1 + random.Next(200), xml.Length - at);
        return random.Next(6) switch
        {
            0 => xml.Remove(at, length),
            1 => xml.Insert(at, xml.Substring(at, length)),
            2 => xml.Insert(at, Snippets[random.Next(Snippets.Length)]),
            3 => ReplaceNumber(xml, random),
            4 => xml[..at],
            _ => xml.Remove(at, 1).Insert(at, ((char)random.Next(0x20, 0x7F)).ToString()),
        };
    }

    // Any number in an attribute or value (a shared string index, a style, a row number) becomes an extreme one.
    private static string ReplaceNumber(string xml, Random random)
    {
        var matches = Number().Matches(xml);
        if (matches.Count == 0)
        {
            return xml.Insert(random.Next(xml.Length), Numbers[random.Next(Numbers.Length)]);
        }

        var match = matches[random.Next(matches.Count)];
        return string.Concat(xml.AsSpan(0, match.Index), Numbers[random.Next(Numbers.Length)], xml.AsSpan(match.Index + match.Length));
    }

    [GeneratedRegex("(?<=[\">])[0-9]+(?=[\"<])")]
    private static partial Regex Number();
}
