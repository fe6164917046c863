using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace SharedServicesPipeline.DataMart;

/// <summary>
/// Reads the result of raw SQL through EF Core's own command path, as <c>ExecuteSqlRaw</c> does for a command: the
/// context's connection and current transaction, its interceptors and diagnostics, but no LINQ query to translate and
/// compile. Parameters are written <c>{0}</c>, <c>{1}</c>… in the SQL.
/// </summary>
internal static class RawSql
{
    public static async Task<RelationalDataReader> ReadAsync(DbContext db, string sql, IReadOnlyList<object> parameters, CommandSource source, CancellationToken cancellationToken)
    {
        var command = db.GetService<IRawSqlCommandBuilder>().Build(sql, parameters);
        return await command.RelationalCommand.ExecuteReaderAsync(
            new RelationalCommandParameterObject(db.GetService<IRelationalConnection>(), command.ParameterValues, null, db, db.GetService<IRelationalCommandDiagnosticsLogger>(), source),
            cancellationToken);
    }
}
