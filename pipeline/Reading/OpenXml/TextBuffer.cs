using System.Xml;

namespace SharedServicesPipeline.Pipeline.Reading.OpenXml;

/// <summary>
/// One reusable buffer for a cell's text, so reading a number or an index allocates no string. It refuses to grow past
/// <see cref="ReadLimits.MaxCellChars"/>: a cell's text can be built of many runs, each short.
/// </summary>
internal sealed class TextBuffer
{
    private char[] _chars = new char[256];

    public int Length { get; private set; }

    public ReadOnlySpan<char> Span => _chars.AsSpan(0, Length);

    public void Clear() => Length = 0;

    /// <summary>Appends the value of the node the reader is on, in chunks where the reader can.</summary>
    public void AppendValueOf(XmlReader reader)
    {
        if (!reader.CanReadValueChunk)
        {
            Append(reader.Value);
            return;
        }

        while (true)
        {
            if (Length == _chars.Length)
            {
                Grow(Length + 1);
            }

            var read = reader.ReadValueChunk(_chars, Length, _chars.Length - Length);
            if (read == 0)
            {
                return;
            }

            Length += read;
        }
    }

    public void Append(ReadOnlySpan<char> text)
    {
        if (Length + text.Length > _chars.Length)
        {
            Grow(Length + text.Length);
        }

        text.CopyTo(_chars.AsSpan(Length));
        Length += text.Length;
    }

    public override string ToString() => new(Span);

    private void Grow(int needed)
    {
        if (needed > ReadLimits.MaxCellChars)
        {
            throw FileLimitException.Beyond($"a cell's text is longer than {ReadLimits.MaxCellChars:N0} characters (Excel holds 32,767)");
        }

        Array.Resize(ref _chars, Math.Min(ReadLimits.MaxCellChars, Math.Max(_chars.Length * 2, needed)));
    }
}
