using System.Xml;

namespace SharedServicesPipeline.Pipeline.Reading.OpenXml;

/// <summary>One reusable buffer for a cell's text, so reading a number or an index allocates no string.</summary>
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
                Array.Resize(ref _chars, _chars.Length * 2);
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
            Array.Resize(ref _chars, Math.Max(_chars.Length * 2, Length + text.Length));
        }

        text.CopyTo(_chars.AsSpan(Length));
        Length += text.Length;
    }

    public override string ToString() => new(Span);
}
