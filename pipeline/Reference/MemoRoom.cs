namespace SharedServicesPipeline.Pipeline.Reference;

/// <summary>
/// How much a memo of the matcher may still keep: entries, and characters of their names. The memos outlive a submission
/// in a Functions worker, so both are bounded: endless distinct names, or names of 32,767 letters file after file, stop
/// being kept rather than grow the worker. Counted here because ConcurrentDictionary.Count takes every lock, far too dear
/// to ask on each miss.
/// </summary>
internal sealed class MemoRoom(int entries, long chars)
{
    private int _entries;
    private long _chars;

    /// <summary>Whether a name of <paramref name="length"/> characters may still be kept.</summary>
    public bool HasRoomFor(int length) => Volatile.Read(ref _entries) < entries && Volatile.Read(ref _chars) + length <= chars;

    /// <summary>Counts a name of <paramref name="length"/> characters kept.</summary>
    public void Took(int length)
    {
        Interlocked.Increment(ref _entries);
        Interlocked.Add(ref _chars, length);
    }
}
