using System.Text;
using SharedServicesPipeline.Pipeline.Reading;

namespace SharedServicesPipeline.Tests.Security;

/// <summary>The guard sees a part in chunks as it inflates: a DOCTYPE is found wherever the chunks happen to cut it.</summary>
public sealed class DoctypeSearchTests
{
    public static TheoryData<string> Encodings => new("utf-8", "utf-16LE", "utf-16BE");

    [Theory]
    [MemberData(nameof(Encodings))]
    public void A_doctype_is_found_whichever_chunk_sizes_cut_it(string encoding)
    {
        var part = Encoding.GetEncoding(encoding).GetBytes("<?xml version=\"1.0\"?>\n<!-- padding -->\n<!DOCTYPE root [<!ENTITY e \"x\">]><root>&e;</root>");

        for (var size = 1; size <= part.Length; size++)
        {
            var search = new DoctypeSearch();
            var found = part.Chunk(size).Any(chunk => search.Found(chunk));
            Assert.True(found, $"missed in chunks of {size} bytes");
        }
    }

    [Fact]
    public void Text_that_only_mentions_a_doctype_is_not_one()
    {
        // In a cell, "<!DOCTYPE" is escaped, so a workbook about XML is not refused.
        var part = "<sst><si><t>&lt;!DOCTYPE html&gt; and <!-- DOCTYPE --></t></si></sst>"u8.ToArray();

        Assert.False(new DoctypeSearch().Found(part));
    }
}
