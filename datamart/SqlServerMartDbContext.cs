using Microsoft.EntityFrameworkCore;

namespace SharedServicesPipeline.DataMart;

/// <summary>The mart on SQL Server / Azure SQL, in schema <c>mart</c>.</summary>
public sealed class SqlServerMartDbContext : MartDbContext
{
    public SqlServerMartDbContext(DbContextOptions<SqlServerMartDbContext> options)
        : base(options)
    {
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        base.OnModelCreating(modelBuilder);
    }
}
