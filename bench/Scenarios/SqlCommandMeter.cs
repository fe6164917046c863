using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SharedServicesPipeline.Bench.Scenarios;

/// <summary>
/// Counts EF Core's database commands and adds up their execution time while it is alive, through EF's diagnostic
/// events (no change to the mart's composition): tells time in SQLite from time in EF and our own code.
/// </summary>
internal sealed class SqlCommandMeter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly IDisposable _subscription;
    private readonly List<IDisposable> _listeners = [];
    private readonly List<(double Ms, string Sql)> _slowest = [];
    private long _commands;
    private long _ticks;

    public SqlCommandMeter() => _subscription = DiagnosticListener.AllListeners.Subscribe(this);

    public long Commands => Interlocked.Read(ref _commands);

    public TimeSpan Elapsed => TimeSpan.FromTicks(Interlocked.Read(ref _ticks));

    /// <summary>The slowest commands seen, slowest first (their SQL shortened).</summary>
    public IReadOnlyList<(double Ms, string Sql)> Slowest
    {
        get
        {
            lock (_slowest)
            {
                return [.. _slowest.OrderByDescending(s => s.Ms)];
            }
        }
    }

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            lock (_listeners)
            {
                _listeners.Add(value.Subscribe(this));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Value is CommandExecutedEventData executed)
        {
            Interlocked.Increment(ref _commands);
            Interlocked.Add(ref _ticks, executed.Duration.Ticks);
            KeepIfSlow(executed.Duration.TotalMilliseconds, executed.Command.CommandText);
        }
    }

    private void KeepIfSlow(double ms, string sql)
    {
        lock (_slowest)
        {
            if (_slowest.Count < 5 || ms > _slowest.Min(s => s.Ms))
            {
                if (_slowest.Count == 5)
                {
                    _slowest.Remove(_slowest.MinBy(s => s.Ms));
                }

                var text = string.Join(' ', sql.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
                _slowest.Add((ms, text.Length > 160 ? text[..160] + " …" : text));
            }
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        _subscription.Dispose();
        lock (_listeners)
        {
            _listeners.ForEach(l => l.Dispose());
        }
    }
}
