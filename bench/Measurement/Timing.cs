using System.Diagnostics;

namespace SharedServicesPipeline.Bench.Measurement;

/// <summary>Stopwatch measurement: a run, or several after a warm-up, summarised by their median.</summary>
internal static class Timing
{
    public static async Task<(T Result, double Ms)> TimeAsync<T>(Func<Task<T>> action)
    {
        var stopwatch = Stopwatch.StartNew();
        var result = await action();
        return (result, stopwatch.Elapsed.TotalMilliseconds);
    }

    public static (T Result, double Ms) Time<T>(Func<T> action)
    {
        var stopwatch = Stopwatch.StartNew();
        var result = action();
        return (result, stopwatch.Elapsed.TotalMilliseconds);
    }

    /// <summary>The median of <paramref name="runs"/> timed runs, after <paramref name="warmups"/> untimed ones.</summary>
    public static double MedianOf(int runs, int warmups, Action action)
    {
        for (var i = 0; i < warmups; i++)
        {
            action();
        }

        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            action();
            times.Add(stopwatch.Elapsed.TotalMilliseconds);
        }

        return Median(times);
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
