using System.Runtime;

namespace SharedServicesPipeline.Bench.Measurement;

/// <summary>
/// Managed memory live now: after a full, compacting collection, the heap less its free space. (GC.GetTotalMemory
/// counts free space a sweeping collection leaves, and overstated live memory several times over here.)
/// </summary>
internal static class LiveMemory
{
    public static long Bytes()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        var info = GC.GetGCMemoryInfo();
        return info.HeapSizeBytes - info.FragmentedBytes;
    }
}
