using System.Reflection;

namespace SharedServicesPipeline.DataMart;

/// <summary>
/// The reporting views' SQL, kept in <c>datamart/sql/views/{provider}/{view}.{version}.sql</c> and embedded in the
/// assembly. A migration names the version it applies, so changing a view is a new file and a new migration, never an
/// edit to SQL an earlier migration already ran.
/// </summary>
public static class MartViewSql
{
    /// <summary>The SQLite statement that creates <paramref name="view"/> at <paramref name="version"/>.</summary>
    public static string Sqlite(string view, int version) => Read("sqlite", view, version);

    /// <summary>
    /// The SQL Server statement: the view's T-SQL wrapped in <c>EXEC(N'…')</c>, because CREATE VIEW must open its batch
    /// and the idempotent script wraps every statement in <c>IF … BEGIN … END</c>.
    /// </summary>
    public static string SqlServer(string view, int version) =>
        "EXEC(N'\n" + Read("sqlserver", view, version).Replace("'", "''", StringComparison.Ordinal) + "\n');";

    private static string Read(string provider, string view, int version)
    {
        var name = $"views/{provider}/{view}.{version}.sql";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"No embedded view SQL '{name}': add datamart/sql/{name}.");
        using var reader = new StreamReader(stream);
        // The files end with a newline; the statements the migrations ran never did.
        return reader.ReadToEnd().ReplaceLineEndings("\n").TrimEnd('\n');
    }
}
