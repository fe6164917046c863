using System.Text;
using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.Fuzz;

/// <summary>Mutations of an .xlsx part by part: parts missing, renamed, duplicated, damaged or in another encoding.</summary>
internal static class ZipMutations
{
    public static byte[] RemovePart(byte[] zip, Random random)
    {
        var package = XlsxPackage.Open(zip);
        package.Remove(Pick(package, random));
        return package.Build();
    }

    public static byte[] RenamePart(byte[] zip, Random random)
    {
        var package = XlsxPackage.Open(zip);
        var part = Pick(package, random);
        var other = Pick(package, random);
        var newName = random.Next(5) switch
        {
            0 => part.ToUpperInvariant(),
            1 => "x" + part,
            2 => other, // two parts of one name
            3 => part.Replace('/', '\\'),
            _ => "../" + part,
        };
        package.Rename(part, newName, keepOriginal: random.Next(3) == 0);
        return package.Build();
    }

    public static byte[] MutatePartText(byte[] zip, Random random)
    {
        var package = XlsxPackage.Open(zip);
        var xmlParts = package.Names.Where(n => n.EndsWith(".xml", StringComparison.Ordinal) || n.EndsWith(".rels", StringComparison.Ordinal)).ToList();
        // The parts the reader reads most are mutated most.
        var part = random.Next(2) == 0 && package.Names.FirstOrDefault(n => n.Contains("worksheets/sheet", StringComparison.Ordinal)) is { } sheet
            ? sheet
            : xmlParts[random.Next(xmlParts.Count)];
        var text = package[part];
        for (var n = 1 + random.Next(4); n > 0; n--)
        {
            text = XmlTextMutations.Mutate(text, random);
        }

        package[part] = text;
        return package.Build();
    }

    /// <summary>A part replaced by garbage, emptied, or re-encoded (UTF-16 with a BOM, or an encoding declaration that lies).</summary>
    public static byte[] ReplacePart(byte[] zip, Random random)
    {
        var package = XlsxPackage.Open(zip);
        var part = Pick(package, random);
        var bytes = package.Bytes(part);
        package.SetBytes(part, random.Next(5) switch
        {
            0 => [],
            1 => RandomBytes(random, 1 + random.Next(4096)),
            2 => [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Encoding.UTF8.GetString(bytes).Replace("UTF-8", "UTF-16", StringComparison.OrdinalIgnoreCase))],
            3 => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes).Replace("UTF-8", random.Next(2) == 0 ? "UTF-16" : "x-unknown", StringComparison.OrdinalIgnoreCase)),
            _ => Encoding.GetEncoding(1252).GetBytes(Encoding.UTF8.GetString(bytes) + "<!-- £ – é -->"),
        });
        return package.Build();
    }

    public static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static string Pick(XlsxPackage package, Random random) => package.Names[random.Next(package.Names.Count)];
}
