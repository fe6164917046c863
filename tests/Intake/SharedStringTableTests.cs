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

    private static SharedStringTable Read(IReadOnlyList<string> strings, int inMemoryBytes, WorkBudget? work = null)
    {
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
        foreach (var s in strings)
        {
            xml.Append("<si><t>").Append(System.Security.SecurityElement.Escape(s)).Append("</t></si>");
        }

        var bytes = Encoding.UTF8.GetBytes(xml.Append("</sst>").ToString());
        return SharedStringTable.Read(new MemoryStream(bytes), new SpreadsheetXml(), ReadLimits.For(new IntakeOptions(), bytes.Length, work), inMemoryBytes);
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

    [Fact]
    public void Short_strings_past_the_memory_allowance_go_to_the_file_too()
    {
        // A big table's repeated strings come first (Excel numbers strings as it first meets them); the rest is used once.
        var strings = Enumerable.Range(0, 20_000).Select(i => $"Council {i}").ToList();
        using var table = Read(strings, inMemoryBytes: 10_000);

        Assert.True(table.BytesSpilled > 150_000, $"{table.BytesSpilled} bytes in the file");
        Assert.True(table.BytesHeld < 1_200_000, $"{table.BytesHeld} bytes in memory: one block and the index");
        Assert.Equal(strings, Enumerable.Range(0, strings.Count).Select(i => table[i]));
        Assert.Equal(strings.AsEnumerable().Reverse(), Enumerable.Range(0, strings.Count).Reverse().Select(i => table[i]));
    }

    [Fact]
    public void A_string_that_runs_from_one_block_of_memory_into_the_next_comes_back_whole()
    {
        // The first string leaves one byte of the 1 MB block: the next string's first character (four bytes) is split
        // between two blocks, and so is a two-byte one further on.
        var fill = new string('x', (1 << 20) - 1);
        var split = "\U0001F3DB\uFE0F caf\u00e9 partners";
        var second = new string('y', (1 << 20) - 2 - Encoding.UTF8.GetByteCount(split)) + "\u00e9 two blocks on";
        List<string> strings = [fill, split, second, "after"];
        using var table = Read(strings, SharedStringTable.InMemoryBytes);

        Assert.Equal(0, table.BytesSpilled);
        Assert.Equal(strings, Enumerable.Range(0, strings.Count).Select(i => table[i]));
    }

    [Fact]
    public void A_table_read_in_order_reads_its_file_a_window_at_a_time_and_out_of_order_a_string_at_a_time()
    {
        var strings = Strings();
        var inOrder = WorkBudget.Unlimited;
        var backward = WorkBudget.Unlimited;
        using (var table = Read(strings, inMemoryBytes: 10_000, inOrder))
        {
            Assert.All(Enumerable.Range(0, strings.Count), i => Assert.Equal(Expected(strings[i]), table[i]));
            // A 64 KB window each, and the string longer than one read on its own (the window before it read its start too).
            Assert.InRange(inOrder.SharedStrings.FileReads, 1, (table.BytesSpilled / 65_536) + 3);
            Assert.InRange(inOrder.SharedStrings.FileBytes, table.BytesSpilled, table.BytesSpilled + 65_536);
        }

        using (var table = Read(strings, inMemoryBytes: 10_000, backward))
        {
            Assert.All(Enumerable.Range(0, strings.Count).Reverse(), i => Assert.Equal(Expected(strings[i]), table[i]));
            // Each string the cache does not hold is read alone: its bytes, not a window.
            Assert.True(backward.SharedStrings.FileReads > 2_000, $"{backward.SharedStrings.FileReads} reads");
            Assert.Equal(table.BytesSpilled, backward.SharedStrings.FileBytes);
        }

        Assert.Equal(inOrder.SharedStrings.Made, backward.SharedStrings.Made);
    }

    [Fact]
    public void A_table_read_backwards_a_pair_at_a_time_reads_no_window_but_the_strings()
    {
        // Each string and then the one after it, from the end of the table back: every second read follows the one
        // before, and would take a 64 KB window each time if the window could move back.
        var strings = Enumerable.Range(0, 20_000).Select(i => $"A title that runs past sixty-four bytes so that it counts, number {i}").ToList();
        var work = WorkBudget.Unlimited;
        using var table = Read(strings, inMemoryBytes: 10_000, work);

        for (var i = strings.Count - 2; i >= 0; i -= 2)
        {
            Assert.Equal(strings[i], table[i]);
            Assert.Equal(strings[i + 1], table[i + 1]);
        }

        Assert.True(work.SharedStrings.FileBytes <= 2 * table.BytesSpilled, $"{work.SharedStrings.FileBytes:N0} bytes read for {table.BytesSpilled:N0} in the file");
    }
}
