using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace SharedServicesPipeline.DataMart;

// dotnet ef builds each provider's model without a running server (migrations and the idempotent script).
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteMartDbContext>
{
    public SqliteMartDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteMartDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerMartDbContext>
{
    public SqlServerMartDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerMartDbContext>()
            .UseSqlServer("Server=design-time;Database=mart;Integrated Security=true", sql => sql.MigrationsHistoryTable("__EFMigrationsHistory", MartDbContext.Schema))
            .Options);
}
