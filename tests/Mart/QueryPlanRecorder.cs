using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SharedServicesPipeline.Tests.Mart;

/// <summary>Asks SQLite how it will run each matching query (EXPLAIN QUERY PLAN, same text and parameters) before it runs.</summary>
internal sealed class QueryPlanRecorder(Func<string, bool> matches) : DbCommandInterceptor
{
    public List<string> Plans { get; } = [];

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (matches(command.CommandText))
        {
            await using var explain = command.Connection!.CreateCommand();
            explain.Transaction = command.Transaction;
            explain.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
            foreach (SqliteParameter parameter in command.Parameters)
            {
                explain.Parameters.Add(new SqliteParameter(parameter.ParameterName, parameter.Value));
            }

            var steps = new List<string>();
            await using (var reader = await explain.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    steps.Add(reader.GetString(3));
                }
            }

            lock (Plans)
            {
                Plans.Add(string.Join(" | ", steps));
            }
        }

        return await base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }
}
