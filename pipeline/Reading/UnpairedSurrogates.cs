namespace SharedServicesPipeline.Pipeline.Reading;

/// <summary>
/// An .xlsx can spell any UTF-16 unit as an escape (<c>_xD800_</c>), so a cell can hold half a surrogate pair: text no
/// encoder, normaliser or XML writer accepts. Each such unit becomes U+FFFD, as a text decoder would have made it.
/// </summary>
public static class UnpairedSurrogates
{
    public static string Replace(string text)
    {
        var span = text.AsSpan();
        if (span.IndexOfAnyInRange('\uD800', '\uDFFF') < 0)
        {
            return text;
        }

        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(chars[i]))
            {
                chars[i] = '\uFFFD';
            }
        }

        return new string(chars);
    }
}
