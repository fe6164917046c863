using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SharedServicesPipeline.Pipeline.Reference;
using SharedServicesPipeline.Pipeline.Validation;

namespace SharedServicesPipeline.DataMart;

/// <summary>Brings a mart up to date at start: migrations (unless disabled), the calendar, the register and the service areas.</summary>
public sealed partial class MartInitializer
{
    private readonly MartDbContext _db;
    private readonly MartOptions _options;
    private readonly AuthorityRegister _register;
    private readonly ServiceAreaTaxonomy _taxonomy;
    private readonly TimeProvider _clock;
    private readonly ILogger<MartInitializer> _logger;

    public MartInitializer(MartDbContext db, IOptions<MartOptions> options, AuthorityRegister register, ServiceAreaTaxonomy taxonomy, TimeProvider clock, ILogger<MartInitializer> logger)
    {
        _db = db;
        _options = options.Value;
        _register = register;
        _taxonomy = taxonomy;
        _clock = clock;
        _logger = logger;
    }

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (_options.ApplyMigrations)
        {
            if (_db.Database.IsSqlite() && _db.Database.GetDbConnection().DataSource is { Length: > 0 } file && Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder)
            {
                Directory.CreateDirectory(folder);
            }

            // Migrate also compares the model with its snapshot, which costs a cold process about a second: only when
            // a migration is pending (a new mart or a new release) is that worth paying.
            if (!await AppliedMigrations.AreCurrentAsync(_db, cancellationToken))
            {
                await _db.Database.MigrateAsync(cancellationToken);
            }
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await SyncDimensionsAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException ex) when (Loading.UniqueViolation.Is(ex) && attempt < 3)
            {
                // Another worker starting at the same moment added the same members: sync again over its rows.
            }
        }
    }

    private async Task SyncDimensionsAsync(CancellationToken cancellationToken)
    {
        var strategy = _db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async ct =>
        {
            _db.ChangeTracker.Clear();
            await using var transaction = await _db.Database.BeginTransactionAsync(ct);
            await DateDimension.EnsureCoversAsync(_db, DateDimension.BaseFrom, DateDimension.BaseTo, ct);
            var authorities = await AuthorityDimension.LoadAsync(_db, ct);
            var changed = authorities.Sync(_db, _register.Authorities, DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime));
            var knownAreas = await _db.ServiceAreas.Select(s => s.ServiceArea).ToListAsync(ct);
            foreach (var area in _taxonomy.Areas.Where(a => !knownAreas.Contains(a.Name, StringComparer.OrdinalIgnoreCase)))
            {
                _db.ServiceAreas.Add(new Entities.DimServiceArea { ServiceArea = area.Name, Category = area.Category });
            }

            await _db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            if (changed > 0)
            {
                LogRegisterSynced(changed);
            }
        }, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Authority dimension: {Changed} authorities added or versioned from the register")]
    private partial void LogRegisterSynced(int changed);
}
