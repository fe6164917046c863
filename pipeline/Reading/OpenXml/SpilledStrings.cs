using System.Text;

namespace SharedServicesPipeline.Pipeline.Reading.OpenXml;

/// <summary>
/// Shared strings kept in a temporary file instead of the heap: UTF-8 bytes written one after another while the table is
/// read, then read back by position. A sheet asks for a big table's strings in the order the table lists them (Excel
/// numbers them as it first meets them), so a window read ahead from the last string asked for serves nearly every read.
/// The window is read only when the sheet moves on through the table: a string asked for out of that order (behind the
/// last read, or far ahead of it) is read on its own, its bytes alone, so that a sheet naming strings in a jumping order
/// costs a small read a cell, not a window. Every read from the file is charged to the submission's work budget (<see
/// cref="WorkBudget.ChargeSharedStringRead"/>). The file is the operating system's page cache, not the process's memory,
/// and is deleted when the table is disposed (or the process ends).
/// </summary>
internal sealed class SpilledStrings : IDisposable
{
    private const int WindowSize = 64 * 1024;

    private readonly FileStream _file;
    private readonly WorkBudget _work;
    private readonly byte[] _window = new byte[WindowSize];
    private long _windowStart;
    private int _windowLength;
    private long _lastEnd; // where the last string read from the file ended
    private byte[] _one = new byte[256];

    public SpilledStrings(WorkBudget work)
    {
        _work = work;
        var path = Path.Combine(Path.GetTempPath(), "ssp-strings-" + Guid.NewGuid().ToString("N"));
        _file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, WindowSize, FileOptions.DeleteOnClose);
    }

    /// <summary>Bytes written so far.</summary>
    public long Length { get; private set; }

    /// <summary>Writes one string's bytes; returns where they start.</summary>
    public long Append(ReadOnlySpan<byte> utf8)
    {
        var start = Length;
        _file.Write(utf8);
        Length += utf8.Length;
        return start;
    }

    /// <summary>Called once the table is complete, before the first read.</summary>
    public void EndWriting() => _file.Flush();

    public string Read(long start, int length)
    {
        var lastEnd = _lastEnd;
        _lastEnd = start + length;
        if (start >= _windowStart && start + length <= _windowStart + _windowLength)
        {
            return Encoding.UTF8.GetString(_window, (int)(start - _windowStart), length);
        }

        // Just after the last string read, and on from the window: the sheet is moving on through the table, and the
        // window moves with it, only ever forward (so the windows read come to twice the file at most, whatever the order).
        if (start >= _windowStart && start >= lastEnd && start - lastEnd < WindowSize && length <= WindowSize)
        {
            _windowStart = start;
            _windowLength = ReadAt(start, _window.AsSpan(0, (int)Math.Min(WindowSize, Length - start)));
            return Encoding.UTF8.GetString(_window, 0, length);
        }

        // Behind it (a string used again) or far from it (a table not in the sheet's order), or longer than the window: this one alone.
        if (_one.Length < length)
        {
            _one = new byte[Math.Max(length, _one.Length * 2)];
        }

        ReadAt(start, _one.AsSpan(0, length));
        return Encoding.UTF8.GetString(_one, 0, length);
    }

    private int ReadAt(long start, Span<byte> into)
    {
        _work.ChargeSharedStringRead(into.Length);
        var filled = 0;
        while (filled < into.Length)
        {
            var read = RandomAccess.Read(_file.SafeFileHandle, into[filled..], start + filled);
            if (read == 0)
            {
                throw new EndOfStreamException("The shared strings' temporary file ended early.");
            }

            filled += read;
        }

        return filled;
    }

    public void Dispose() => _file.Dispose();
}
