using System.Text;
using SharedServicesPipeline.Pipeline;
using SharedServicesPipeline.Pipeline.Reading;
using SharedServicesPipeline.Pipeline.Reading.OpenXml;

namespace SharedServicesPipeline.Tests.Intake;

/// <summary>
/// The shared strings table keeps a big workbook's long strings in a temporary file; what a cell gets back must not
/// depend on where its string was kept, or on the order the cells ask for them.
/// </summary>
public sealed class SharedStringTableTests
{
    // Short and long, repeated, escaped (_x000D_), beyond ASCII (two- and four-byte UTF-8), and one longer than the
    // file's read window (64 KB), so that each way back out of the file is taken.
    private static List<string> Strings()
    {
        var strings = new List<string>();
        for (var i = 0; i < 3_000; i++)
        {
            strings.Add((i % 7) switch
            {
                0 => "Live",
                1 => $"Shared legal service number {i} between the councils of the county, with its governance written out at length",
                2 => $"Caf\u00e9 {i}: d\u00e9l\u00e9gation \u00e0 la commune, \U0001F3DB\uFE0F partenaires et co\u00fbts partag\u00e9s, accord num\u00e9ro {i}",
                3 => $"Line one {i}_x000D__x000A_line two of a description long enough to be held in the file, not in memory",
                4 => $"Council {i % 50}",
                5 when i == 1_006 => new string('x', 100_000) + " the end",
                _ => $"A title that runs past sixty-four bytes so that it counts as a long string, number {i}",
            });
        }

        return strings;
    }

    private static string Expected(string written) => written.Replace("_x000D__x000A_", "\r\n", StringComparison.Ordinal);

    private static SharedStringTable Read(IReadOnlyList<string> strings, int inMemoryBytes)
    {
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
        foreach (var s in strings)
        {
            xml.Append("<si><t>").Append(System.Security.SecurityElement.Escape(s)).Append("</t></si>");
        }

        var bytes = Encoding.UTF8.GetBytes(xml.Append("</sst>").ToString());
        return SharedStringTable.Read(new MemoryStream(bytes), new SpreadsheetXml(), ReadLimits.For(new IntakeOptions(), bytes.Length), inMemoryBytes);
    }

    [Fact]
    public void Long_strings_past_the_memory_allowance_come_back_from_the_file_as_written_in_any_order()
    {
        var strings = Strings();
        using var spilled = Read(strings, inMemoryBytes: 10_000);
        Assert.True(spilled.BytesSpilled > 100_000, $"{spilled.BytesSpilled} bytes in the file");
        Assert.True(spilled.BytesHeld < 2 << 20, $"{spilled.BytesHeld} bytes in memory");

        var forward = Enumerable.Range(0, strings.Count).ToList();
        var backward = forward.AsEnumerable().Reverse();
        var shuffled = forward.OrderBy(i => (i * 7919) % strings.Count);
        // Each order in a fresh table too, so that no answer comes from the cache of strings already made.
        foreach (var order in new[] { forward, backward, shuffled })
        {
            using var fresh = Read(strings, inMemoryBytes: 10_000);
            foreach (var i in order)
            {
                Assert.Equal(Expected(strings[i]), fresh[i]);
                Assert.Equal(Expected(strings[i]), spilled[i]);
            }
        }
    }

    [Fact]
    public void A_table_within_the_memory_allowance_makes_no_file()
    {
        var strings = Strings().Take(500).Where(s => s.Length < 1_000).ToList();
        using var table = Read(strings, SharedStringTable.InMemoryBytes);

        Assert.Equal(0, table.BytesSpilled);
        Assert.Equal(strings.Select(Expected), Enumerable.Range(0, strings.Count).Select(i => table[i]));
    }
}
