using System.Text;

namespace SharedServicesPipeline.HostileFiles;

/// <summary>
/// Random letters in an XML comment: what an attacker adds to a part so that its compression ratio stays under the
/// guard's (200:1) while the rest of it repeats. A comment is never read, so only the limits can stop the part.
/// </summary>
public static class Diluted
{
    /// <summary>A comment of random letters, about 1/<paramref name="ratio"/> of <paramref name="payloadBytes"/> once deflated.</summary>
    public static string Comment(long payloadBytes, int ratio = 120, int seed = 1)
    {
        // Random letters deflate to about 0.75 of their size.
        var length = (int)Math.Min(40L << 20, payloadBytes / ratio * 4 / 3) + 1024;
        var random = new Random(seed);
        var text = new StringBuilder(length + 8).Append("<!--");
        for (var i = 0; i < length; i++)
        {
            // A '<' now and then: a comment may hold one, and a long run without is refused on its own.
            text.Append(i % 1000 == 999 ? '<' : (char)('a' + random.Next(26)));
        }

        return text.Append("-->").ToString();
    }
}
