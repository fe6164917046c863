using System.Globalization;

namespace SharedServicesPipeline.Pipeline.Reading.OpenXml;

/// <summary>
/// Every part the reader opens is read through this: where its bytes are inflated, they are counted, whatever its zip
/// entry claims (directory or volume-label attributes, sizes, data descriptors, ZIP64). It stops the read the moment
/// the part outgrows the size its directory declares, <see cref="ReadLimits.MaxPartBytes"/>, the compression ratio, or
/// the budget all openings share; when a DOCTYPE streams past; and when a run of bytes without a '&lt;' (one tag and
/// its attributes, or one run of text, which the XML parser holds whole) gets longer than any Excel writes.
/// </summary>
internal sealed class CountedPart : Stream
{
    private const int RatioCheckedFrom = 1_000_000;

    private readonly Stream _inner;
    private readonly string _name;
    private readonly long _declared;
    private readonly long _compressed;
    private readonly ReadLimits _limits;
    private readonly InflateBudget _budget;
    private readonly DoctypeSearch _doctype = new();
    private long _read;
    private long _sinceTag;

    public CountedPart(Stream inner, string name, long declared, long compressed, ReadLimits limits, InflateBudget budget)
    {
        _inner = inner;
        _name = name;
        _declared = declared;
        _compressed = compressed;
        _limits = limits;
        _budget = budget;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = _inner.Read(buffer);
        if (read > 0)
        {
            Count(buffer[..read]);
        }

        return read;
    }

    private void Count(ReadOnlySpan<byte> chunk)
    {
        _read += chunk.Length;
        if (_read > _declared)
        {
            throw new FileLimitException(FileLimitException.InflatesTooFar,
                $"is damaged or was not saved by a spreadsheet program: its part '{_name}' inflates past the {_declared.ToString("N0", CultureInfo.InvariantCulture)} bytes its directory declares. {FileLimitException.SaveAgain}");
        }

        if (_read > _limits.MaxPartBytes || (_read > RatioCheckedFrom && (_compressed <= 0 || _read / _compressed > _limits.MaxCompressionRatio)))
        {
            throw TooFar($"its part '{_name}' inflates to {_read.ToString("N0", CultureInfo.InvariantCulture)} bytes and more from {_compressed.ToString("N0", CultureInfo.InvariantCulture)}");
        }

        if (!_budget.Take(chunk.Length))
        {
            throw TooFar($"reading its parts inflated {_limits.InflateBudget.ToString("N0", CultureInfo.InvariantCulture)} bytes, the most allowed (part '{_name}' was being read)");
        }

        _limits.Work.ChargeBytes(chunk.Length, WorkCost.InflatedByte);

        if (_doctype.Found(chunk))
        {
            throw new FileLimitException(FileLimitException.XmlDoctype,
                $"is not a workbook as Excel saves it: its part '{_name}' has a document type declaration (<!DOCTYPE …>), which Excel never writes and which can make a server read files or call other systems. {FileLimitException.SaveAgain}");
        }

        var first = chunk.IndexOf((byte)'<');
        if (first < 0)
        {
            _sinceTag += chunk.Length;
        }
        else
        {
            _sinceTag += first;
            if (_sinceTag <= ReadLimits.MaxBytesBetweenTags)
            {
                _sinceTag = chunk.Length - chunk.LastIndexOf((byte)'<') - 1;
            }
        }

        if (_sinceTag > ReadLimits.MaxBytesBetweenTags)
        {
            throw FileLimitException.Beyond($"its part '{_name}' has a tag or a run of text over {ReadLimits.MaxBytesBetweenTags.ToString("N0", CultureInfo.InvariantCulture)} bytes long (Excel holds 32,767 characters in a cell)");
        }
    }

    private FileLimitException TooFar(string detail) => new(FileLimitException.InflatesTooFar,
        $"would expand to more than the limits allow ({detail}; the limit is {_limits.MaxPartBytes / (1024 * 1024):N0} MB). It was not read further. Save the workbook again from Excel, or send the arrangements as CSV.");

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}

/// <summary>The bytes all openings of one package's parts may inflate to together (<see cref="ReadLimits.InflateBudget"/>).</summary>
internal sealed class InflateBudget(long bytes)
{
    private long _left = bytes;

    /// <summary>Takes <paramref name="bytes"/> from what is left; false when that goes past the budget.</summary>
    public bool Take(long bytes)
    {
        _left -= bytes;
        return _left >= 0;
    }
}
