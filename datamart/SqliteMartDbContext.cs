using Microsoft.EntityFrameworkCore;

namespace SharedServicesPipeline.DataMart;

/// <summary>The mart on SQLite, the embedded local default. SQLite has no schemas, so tables go unqualified.</summary>
public sealed class SqliteMartDbContext : MartDbContext
{
    public SqliteMartDbContext(DbContextOptions<SqliteMartDbContext> options)
        : base(options)
    {
    }
}
