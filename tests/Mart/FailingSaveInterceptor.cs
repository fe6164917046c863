using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SharedServicesPipeline.Tests.Mart;

/// <summary>Throws on the Nth SaveChanges once armed: a fault injected midway through a load.</summary>
internal sealed class FailingSaveInterceptor(int failOnSave) : SaveChangesInterceptor
{
    private int _saves;

    public bool Armed { get; set; }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (Armed && Interlocked.Increment(ref _saves) == failOnSave)
        {
            throw new IOException($"Injected fault on save {failOnSave}: the disk went away.");
        }

        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }
}
