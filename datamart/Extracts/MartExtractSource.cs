using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SharedServicesPipeline.Publishing;

namespace SharedServicesPipeline.DataMart.Extracts;

/// <summary>
/// Serves the extract contract (version 1) from the mart: every table of the model, less what
/// <see cref="MartExtractRules"/> keeps out (with its reason), its columns derived from the model
/// (<see cref="MartExtractTable"/>), read through a data reader.
/// </summary>
public sealed class MartExtractSource : IExtractSource
{
    private readonly MartDbContext _db;
    private readonly IServiceScopeFactory? _scopes;

    /// <summary>Reads every table over <paramref name="db"/>, one after another.</summary>
    public MartExtractSource(MartDbContext db) => _db = db;

    /// <summary>Reads the tables side by side, each over a context of its own from <paramref name="scopes"/> (as the host composes it).</summary>
    public MartExtractSource(MartDbContext db, IServiceScopeFactory scopes)
    {
        _db = db;
        _scopes = scopes;
    }

    public async Task<string?> ReadWatermarkAsync(CancellationToken cancellationToken)
    {
        var ids = await _db.Submissions.AsNoTracking().Where(s => s.SubmissionKey > 0)
            .OrderByDescending(s => s.SubmissionKey).Select(s => s.SubmissionId).Take(1).ToListAsync(cancellationToken);
        return ids.FirstOrDefault();
    }

    public Task<IReadOnlyList<ExtractTable>> ReadTablesAsync(CancellationToken cancellationToken) =>
        ReadAsync(MartExtractTable.FromModel(_db), cancellationToken);

    public Task<IReadOnlyList<ExtractTable>> ReadTablesAsync(IReadOnlySet<string> names, CancellationToken cancellationToken) =>
        ReadAsync([.. MartExtractTable.FromModel(_db).Where(t => names.Contains(t.Name))], cancellationToken);

    private async Task<IReadOnlyList<ExtractTable>> ReadAsync(IReadOnlyList<MartExtractTable> tables, CancellationToken cancellationToken)
    {
        if (_scopes is null)
        {
            var read = new List<ExtractTable>(tables.Count);
            foreach (var table in tables)
            {
                read.Add(await table.ReadAsync(_db, cancellationToken));
            }

            return read;
        }

        // Side by side, each on its own connection: a 100k mart's tables took seconds to read one after another while
        // the other core idled. Each table is its own query either way (no snapshot spans them), so nothing is lost.
        return await Task.WhenAll(tables.Select(table => Task.Run(async () =>
        {
            await using var scope = _scopes.CreateAsyncScope();
            return await table.ReadAsync(scope.ServiceProvider.GetRequiredService<MartDbContext>(), cancellationToken);
        }, cancellationToken)));
    }
}
