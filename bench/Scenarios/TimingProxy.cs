using System.Diagnostics;
using System.Reflection;

namespace SharedServicesPipeline.Bench.Scenarios;

/// <summary>
/// Wraps any interface and adds up the time spent in its calls (used on the authority matcher inside the validator).
/// A proxy rather than a decorator, so that it keeps compiling whatever members the interface grows.
/// </summary>
public class TimingProxy<T> : DispatchProxy
    where T : class
{
    private T _inner = null!;
    private long _ticks;

    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _ticks));

    public long Calls { get; private set; }

    public static (T Proxy, TimingProxy<T> Timer) Wrap(T inner)
    {
        var proxy = Create<T, TimingProxy<T>>();
        var timer = (TimingProxy<T>)(object)proxy;
        timer._inner = inner;
        return (proxy, timer);
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return targetMethod!.Invoke(_inner, args);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(ex.InnerException);
            throw;
        }
        finally
        {
            Interlocked.Add(ref _ticks, Stopwatch.GetTimestamp() - started);
            Calls++;
        }
    }
}
