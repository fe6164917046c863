namespace SharedServicesPipeline.Tests.Fuzz;

/// <summary>Blind mutations of a file's bytes: what a bad disk, a cut-off upload or a broken export does.</summary>
internal static class ByteMutations
{
    // Bytes that mean something to a parser: NUL, quote, separators, line ends, markup, UTF-8 lead/continuation, BOM parts.
    private static readonly byte[] Interesting = [0x00, 0x22, 0x2C, 0x3B, 0x09, 0x0A, 0x0D, 0x3C, 0x3E, 0x26, 0x80, 0xBF, 0xC0, 0xE2, 0xEF, 0xF0, 0xFE, 0xFF, 0x7F, 0x50, 0x4B];

    public static byte[] Flip(byte[] bytes, Random random)
    {
        var copy = (byte[])bytes.Clone();
        for (var n = 1 + random.Next(32); n > 0; n--)
        {
            var at = random.Next(copy.Length);
            copy[at] = random.Next(3) switch
            {
                0 => (byte)(copy[at] ^ (1 << random.Next(8))),
                1 => Interesting[random.Next(Interesting.Length)],
                _ => (byte)random.Next(256),
            };
        }

        return copy;
    }

    public static byte[] Insert(byte[] bytes, Random random)
    {
        var inserted = new byte[1 + random.Next(64)];
        for (var i = 0; i < inserted.Length; i++)
        {
            inserted[i] = random.Next(2) == 0 ? Interesting[random.Next(Interesting.Length)] : (byte)random.Next(256);
        }

        var at = random.Next(bytes.Length + 1);
        return [.. bytes.AsSpan(0, at), .. inserted, .. bytes.AsSpan(at)];
    }

    public static byte[] Delete(byte[] bytes, Random random)
    {
        var at = random.Next(bytes.Length);
        var length = Math.Min(1 + random.Next(256), bytes.Length - at);
        return [.. bytes.AsSpan(0, at), .. bytes.AsSpan(at + length)];
    }

    /// <summary>Cut off at a random offset, as an interrupted upload is (sometimes a few bytes, sometimes nearly whole).</summary>
    public static byte[] Truncate(byte[] bytes, Random random) => bytes[..(1 + random.Next(bytes.Length - 1))];

    /// <summary>A chunk of the file copied over another place in it: repeated headers, directory records, rows.</summary>
    public static byte[] Splice(byte[] bytes, Random random)
    {
        var copy = (byte[])bytes.Clone();
        var from = random.Next(bytes.Length);
        var length = Math.Min(1 + random.Next(2048), bytes.Length - from);
        var to = random.Next(bytes.Length - length + 1);
        bytes.AsSpan(from, length).CopyTo(copy.AsSpan(to));
        return copy;
    }
}
