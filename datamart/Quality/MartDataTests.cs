using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SharedServicesPipeline.DataMart.Quality;

/// <summary>
/// Data tests in the spirit of dbt, run inside each load's transaction before it commits: unique keys, not null,
/// relationships (every key resolves), accepted values, and the mart's own rules (bridge and fact agree, the lead is a
/// partner, SCD2 versions do not overlap, the calendar has no gaps). Each test counts the rows that break it.
/// Fact-level tests cover the facts a load touched (its submission key), so a load's cost stays flat as the mart grows;
/// without a submission key they cover the whole mart.
/// </summary>
/// <remarks>
/// All the tests are one SQL statement (<see cref="DataTestSql"/>), sent through EF Core's raw command path (<see cref="RawSql"/>:
/// the load's transaction, interceptors and diagnostics see it) rather than ~50 LINQ queries: each LINQ query costs a cold
/// process its translation and compiled delegates the first time: about 0.4 s of a cold <c>ssp ingest</c>'s processor time for the set.
/// The statement is built for the unique indexes the database has (<see cref="UniqueIndexes"/>, read first): a uniqueness
/// test its index answers reads 0 rather than probing every row.
/// </remarks>
public static class MartDataTests
{
    /// <summary>Runs every test; returns the failures (empty when the mart is sound).</summary>
    public static async Task<IReadOnlyList<DataTestFailure>> RunAsync(MartDbContext db, int? submissionKey, CancellationToken cancellationToken)
    {
        var sql = DataTestSql.For(db, scoped: submissionKey is not null, await UniqueIndexes.ReadAsync(db, cancellationToken));
        var failures = new List<DataTestFailure>();
        await using (var result = await RawSql.ReadAsync(db, sql, submissionKey is { } key ? [key] : [], CommandSource.ExecuteSqlRaw, cancellationToken))
        {
            var reader = result.DbDataReader;
            if (!await reader.ReadAsync(cancellationToken))
            {
                throw new InvalidOperationException("The data tests' statement returned no row.");
            }

            for (var column = 0; column < DataTestSql.Tests.Count; column++)
            {
                var failing = Convert.ToInt32(reader.GetValue(column), System.Globalization.CultureInfo.InvariantCulture);
                if (failing > 0)
                {
                    failures.Add(new DataTestFailure(DataTestSql.Tests[column].Name, failing));
                }
            }

            var calendar = DataTestSql.Tests.Count;
            var days = Convert.ToInt32(reader.GetValue(calendar), System.Globalization.CultureInfo.InvariantCulture);
            if (days > 0)
            {
                var first = DateDimension.FromKey(Convert.ToInt32(reader.GetValue(calendar + 1), System.Globalization.CultureInfo.InvariantCulture));
                var last = DateDimension.FromKey(Convert.ToInt32(reader.GetValue(calendar + 2), System.Globalization.CultureInfo.InvariantCulture));
                var gaps = (last.DayNumber - first.DayNumber + 1) - days;
                if (gaps > 0)
                {
                    failures.Add(new DataTestFailure(DataTestSql.CalendarTest, gaps));
                }
            }
        }

        return failures;
    }
}
