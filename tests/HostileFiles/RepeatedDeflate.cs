using System.IO.Compression;
using System.Text;

namespace SharedServicesPipeline.HostileFiles;

/// <summary>
/// Deflates "prefix + unit × count + suffix" without holding it inflated: how a 600 MB part is written into a file of
/// a few hundred kilobytes. A block of whole units is deflated once and its bytes repeated (after a flush, identical
/// input on an identical window deflates to identical bytes), so gigabytes take a second.
/// </summary>
public static class RepeatedDeflate
{
    private const int BlockBytes = 1 << 20;

    public static RawZipEntry Entry(string name, string prefix, string unit, long count, string suffix, int dosAttributes = 0)
    {
        var (compressed, size, crc) = Deflate(prefix, unit, count, suffix);
        return new RawZipEntry(name, []) { Compressed = compressed, InflatedSize = size, Crc = crc, DosAttributes = dosAttributes };
    }

    public static (byte[] Compressed, long Size, uint Crc) Deflate(string prefix, string unit, long count, string suffix)
    {
        var head = Encoding.UTF8.GetBytes(prefix);
        var tail = Encoding.UTF8.GetBytes(suffix);
        var one = Encoding.UTF8.GetBytes(unit);
        var perBlock = Math.Max(1, BlockBytes / one.Length);
        var block = new byte[perBlock * one.Length];
        for (var i = 0; i < perBlock; i++)
        {
            one.CopyTo(block, i * one.Length);
        }

        var blocks = count / perBlock;
        var rest = (int)(count % perBlock);
        var crc = new Crc32();
        using var output = new MemoryStream();
        using (var deflate = new DeflateStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            deflate.Write(head);
            crc.Append(head);
            byte[]? repeated = null;
            for (long b = 0; b < blocks; b++)
            {
                if (repeated is null)
                {
                    var before = output.Length;
                    deflate.Write(block);
                    deflate.Flush();
                    var written = output.ToArray()[(int)before..];
                    // The third block onwards sees the same window as the second: its bytes are the second's.
                    if (b >= 1)
                    {
                        repeated = written;
                    }
                }
                else
                {
                    output.Write(repeated);
                }

                crc.Append(block);
            }

            var last = block.AsSpan(0, rest * one.Length);
            deflate.Write(last);
            crc.Append(last);
            deflate.Write(tail);
            crc.Append(tail);
        }

        return (output.ToArray(), head.Length + (count * one.Length) + tail.Length, crc.Value);
    }
}
