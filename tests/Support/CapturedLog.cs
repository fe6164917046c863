using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SharedServicesPipeline.Tests.Support;

/// <summary>
/// Every log entry at every level, as text a sink could store: the category, the formatted message, each structured
/// value, the scopes around it and the exception with its inner ones.
/// </summary>
internal sealed class CapturedLog : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<(LogLevel Level, string Text)> _entries = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<(LogLevel Level, string Text)> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => log._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var parts = new List<string?> { category, eventId.Name, formatter(state, exception) };
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                parts.AddRange(values.Select(v => $"{v.Key}={v.Value}"));
            }

            log._scopes.ForEachScope((scope, list) => list.Add(scope?.ToString()), parts);
            parts.Add(exception?.ToString());
            log._entries.Enqueue((logLevel, string.Join(" | ", parts.Where(p => p is not null))));
        }
    }
}
