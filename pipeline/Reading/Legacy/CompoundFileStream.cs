namespace SharedServicesPipeline.Pipeline.Reading.Legacy;

/// <summary>A stream of a compound file read in place: its sectors (or mini sectors) mapped to offsets in the file.</summary>
internal sealed class CompoundFileStream(Stream file, long[] unitOffsets, int unitSize, long length) : Stream
{
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => _position = value < 0 ? throw new ArgumentOutOfRangeException(nameof(value)) : value;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var total = 0;
        while (total < buffer.Length && _position < length)
        {
            var unit = (int)(_position / unitSize);
            var within = (int)(_position % unitSize);
            var take = (int)Math.Min(Math.Min(unitSize - within, buffer.Length - total), length - _position);
            file.Position = unitOffsets[unit] + within;
            var read = file.Read(buffer.Slice(total, take));
            if (read == 0)
            {
                buffer.Slice(total, take).Clear(); // past a file cut short: zeros, as the sector was read
                read = take;
            }

            total += read;
            _position += read;
        }

        return total;
    }

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => _position + offset,
        _ => length + offset,
    };

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
