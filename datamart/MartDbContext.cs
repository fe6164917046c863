using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using SharedServicesPipeline.DataMart.Entities;

namespace SharedServicesPipeline.DataMart;

/// <summary>The star-schema mart. Provider-specific subclasses carry their own migrations.</summary>
public abstract class MartDbContext : DbContext
{
    public const string Schema = "mart";

    protected MartDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<DimAuthority> Authorities => Set<DimAuthority>();
    public DbSet<DimServiceArea> ServiceAreas => Set<DimServiceArea>();
    public DbSet<DimArrangementProfile> Profiles => Set<DimArrangementProfile>();
    public DbSet<DimDate> Dates => Set<DimDate>();
    public DbSet<DimSubmission> Submissions => Set<DimSubmission>();
    public DbSet<FactArrangement> Arrangements => Set<FactArrangement>();
    public DbSet<BridgeArrangementPartner> ArrangementPartners => Set<BridgeArrangementPartner>();
    public DbSet<FactArrangementHistory> ArrangementHistory => Set<FactArrangementHistory>();
    public DbSet<HeldRowEntity> HeldRows => Set<HeldRowEntity>();
    public DbSet<RefreshRun> RefreshRuns => Set<RefreshRun>();
    public DbSet<ReviewName> ReviewNames => Set<ReviewName>();
    public DbSet<CouncilNeighbourEntity> CouncilNeighbours => Set<CouncilNeighbourEntity>();
    public DbSet<CouncilPeerEntity> CouncilPeers => Set<CouncilPeerEntity>();
    public DbSet<CouncilOpportunityEntity> CouncilOpportunities => Set<CouncilOpportunityEntity>();

    /// <summary>View vw_arrangement (read only).</summary>
    public DbSet<ArrangementView> ArrangementView => Set<ArrangementView>();

    /// <summary>View vw_council_sharing (read only).</summary>
    public DbSet<CouncilSharingView> CouncilSharingView => Set<CouncilSharingView>();

    // Indexes are declared where a query needs them, not made for every foreign key: the facts and history are read
    // whole by Power BI and the extracts, and each index on them is upkeep on every row a load writes (a 100k-row load
    // spent more time maintaining the seven key indexes on fact_arrangement than writing its rows).
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Conventions.Remove<ForeignKeyIndexConvention>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(MartDbContext).Assembly);
        UnknownMembers.Seed(modelBuilder);

        // snake_case columns, as the extract contract and Power BI modellers expect.
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(SnakeCase(property.Name));
            }
        }
    }

    internal static string SnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0 && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1]))))
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}
