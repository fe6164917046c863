using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SharedServicesPipeline.Bench.Scenarios;

/// <summary>Keeps the pipeline's log messages, so the bench can print the stage timings it logs.</summary>
internal sealed class LogRecorder : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _messages = new();

    public IReadOnlyList<string> Messages => [.. _messages];

    public void Clear() => _messages.Clear();

    public ILogger CreateLogger(string categoryName) => new Recorder(categoryName, _messages);

    public void Dispose()
    {
    }

    private sealed class Recorder(string category, ConcurrentQueue<string> messages) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (messages.Count < 1000)
            {
                messages.Enqueue($"{category[(category.LastIndexOf('.') + 1)..]}: {formatter(state, exception)}");
            }
        }
    }
}
