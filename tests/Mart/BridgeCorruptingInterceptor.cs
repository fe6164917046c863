using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SharedServicesPipeline.DataMart.Entities;

namespace SharedServicesPipeline.Tests.Mart;

/// <summary>
/// Breaks a load from inside its transaction: at the first save that finds bridge rows in the table (the loader's last,
/// after the facts and bridge went in), deletes one of them with plain SQL, as a faulty loader or a stray script would.
/// </summary>
internal sealed class BridgeCorruptingInterceptor : SaveChangesInterceptor
{
    public bool Armed { get; set; }

    public int Corrupted { get; private set; }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        // The loader's last save comes after the facts and bridge rows are in: take one bridge row away there, once.
        if (Armed && Corrupted == 0 && eventData.Context is { } db && db.Database.CurrentTransaction is not null)
        {
            Corrupted += await db.Database.ExecuteSqlRawAsync(
                "DELETE FROM bridge_arrangement_partner WHERE rowid = (SELECT MAX(rowid) FROM bridge_arrangement_partner)", cancellationToken);
        }

        return await base.SavingChangesAsync(eventData, result, cancellationToken);
    }
}
