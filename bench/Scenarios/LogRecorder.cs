using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SharedServicesPipeline.Bench.Scenarios;

/// <summary>Keeps the pipeline's log messages, so the bench can print the stage timings it logs.</summary>
internal sealed class LogRecorder : ILoggerProvider
{
    private readonly ConcurrentQueue<(string Message, double CpuMs)> _messages = new();

    public IReadOnlyList<string> Messages => [.. _messages.Select(m => m.Message)];

    /// <summary>The messages with the process's processor time when each was logged, so phases that run one after
    /// another can be told apart in processor time too.</summary>
    public IReadOnlyList<(string Message, double CpuMs)> MessagesWithCpu => [.. _messages];

    public void Clear() => _messages.Clear();

    public ILogger CreateLogger(string categoryName) => new Recorder(categoryName, _messages);

    public void Dispose()
    {
    }

    private sealed class Recorder(string category, ConcurrentQueue<(string Message, double CpuMs)> messages) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (messages.Count < 1000)
            {
                using var self = System.Diagnostics.Process.GetCurrentProcess();
                messages.Enqueue(($"{category[(category.LastIndexOf('.') + 1)..]}: {formatter(state, exception)}", self.TotalProcessorTime.TotalMilliseconds));
            }
        }
    }
}
