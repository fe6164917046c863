namespace SharedServicesPipeline.DataMart;

/// <summary>Configuration section <c>Mart</c>.</summary>
public sealed class MartOptions
{
    public const string Section = "Mart";

    /// <summary><c>Sqlite</c> (default, embedded) or <c>SqlServer</c> (Azure SQL in production).</summary>
    public MartProvider Provider { get; set; } = MartProvider.Sqlite;

    /// <summary>ADO.NET connection string. For SQLite the default is <c>Data Source=./data/sharedservices.db</c>.</summary>
    public string ConnectionString { get; set; } = "Data Source=./data/sharedservices.db";

    /// <summary>Apply migrations at start. Off in production, where the deployment applies the idempotent script.</summary>
    public bool ApplyMigrations { get; set; } = true;

    /// <summary>SQL command timeout in seconds (also how long SQLite waits for another writer's lock).</summary>
    public int CommandTimeoutSeconds { get; set; } = 120;

    /// <summary>Arrangements a load writes at a time inside its one transaction: bounds the memory a big file needs.</summary>
    public int LoadSliceRows { get; set; } = 5_000;
}

public enum MartProvider
{
    Sqlite,
    SqlServer,
}
