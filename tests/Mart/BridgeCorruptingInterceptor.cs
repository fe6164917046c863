using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SharedServicesPipeline.DataMart.Entities;

namespace SharedServicesPipeline.Tests.Mart;

/// <summary>
/// Breaks a load from inside its transaction: just before the history is saved (the bridge is written by then), deletes
/// one bridge row with plain SQL, as a faulty loader or a stray script would.
/// </summary>
internal sealed class BridgeCorruptingInterceptor : SaveChangesInterceptor
{
    public bool Armed { get; set; }

    public int Corrupted { get; private set; }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (Armed && eventData.Context is { } db && db.ChangeTracker.Entries<FactArrangementHistory>().Any(e => e.State == EntityState.Added))
        {
            Corrupted += await db.Database.ExecuteSqlRawAsync(
                "DELETE FROM bridge_arrangement_partner WHERE rowid = (SELECT MAX(rowid) FROM bridge_arrangement_partner)", cancellationToken);
        }

        return await base.SavingChangesAsync(eventData, result, cancellationToken);
    }
}
