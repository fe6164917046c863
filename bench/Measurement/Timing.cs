using System.Diagnostics;

namespace SharedServicesPipeline.Bench.Measurement;

/// <summary>Stopwatch measurement with the processor time beside it: a run, or several summarised by their median.</summary>
internal static class Timing
{
    public static async Task<Timed<T>> TimeAsync<T>(Func<Task<T>> action)
    {
        var cpu = CpuClock.Start();
        var stopwatch = Stopwatch.StartNew();
        var result = await action();
        return new Timed<T>(result, stopwatch.Elapsed.TotalMilliseconds, cpu.ElapsedMs);
    }

    public static Timed<T> Time<T>(Func<T> action)
    {
        var cpu = CpuClock.Start();
        var stopwatch = Stopwatch.StartNew();
        var result = action();
        return new Timed<T>(result, stopwatch.Elapsed.TotalMilliseconds, cpu.ElapsedMs);
    }

    /// <summary>The medians of wall and processor time of <paramref name="runs"/> runs.</summary>
    public static (double Ms, double CpuMs) MedianOf(int runs, Action action)
    {
        var wall = new List<double>();
        var cpu = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var timed = Time(() =>
            {
                action();
                return 0;
            });
            wall.Add(timed.Ms);
            cpu.Add(timed.CpuMs);
        }

        return (Median(wall), Median(cpu));
    }

    public static double Median(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}

/// <summary>A result with the wall-clock and processor milliseconds it took.</summary>
internal readonly record struct Timed<T>(T Result, double Ms, double CpuMs);
