using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using SharedServicesPipeline.DataMart;
using SharedServicesPipeline.DataMart.Entities;
using SharedServicesPipeline.DataMart.Loading;
using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.Mart;

/// <summary>The loader's set-based path must store exactly what EF's own inserts store, on either provider.</summary>
public sealed class BulkInserterTests
{
    private static HeldRowEntity Held(int rowNumber) => new()
    {
        SubmissionKey = UnknownMembers.Key,
        Sheet = "Arrangements – 2024/25",
        RowNumber = rowNumber,
        ValuesJson = """{"Partners":"Essex CC; LB Hackney","Note":"quotes ' and \" and é"}""",
        UnresolvedNames = "Esex CC\nLB Hakney",
        State = HeldRowStates.Held,
        HeldAt = new DateTimeOffset(2026, 3, 31, 23, 59, 58, TimeSpan.FromHours(1)).AddTicks(1234567),
        ResolvedAt = null,
        ResolvedSubmissionKey = null,
        Reason = null,
    };

    [Fact]
    public async Task Bulk_inserted_rows_are_stored_byte_for_byte_as_EF_stores_them()
    {
        await using var mart = await TestMart.CreateAsync();

        var stored = await mart.QueryAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.HeldRows.Add(Held(1));
            await db.SaveChangesAsync();
            Assert.Equal(2, await new BulkInserter<HeldRowEntity>(db).InsertAsync([Held(2), Held(3)], CancellationToken.None));
            await transaction.CommitAsync();

            await db.Database.OpenConnectionAsync();
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "SELECT sheet, values_json, unresolved_names, state, held_at, resolved_at, resolved_submission_key, reason, submission_key FROM held_row ORDER BY row_number";
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync())
            {
                rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "NULL" : $"{reader.GetFieldType(i).Name}:{reader.GetValue(i)}")));
            }

            return rows;
        });

        Assert.Equal(3, stored.Count);
        Assert.Equal(stored[0], stored[1]);
        Assert.Equal(stored[0], stored[2]);
        var readBack = await mart.QueryAsync(db => db.HeldRows.AsNoTracking().OrderBy(h => h.RowNumber).ToListAsync());
        Assert.All(readBack, h => Assert.Equal(Held(1).HeldAt, h.HeldAt));
        Assert.All(readBack, h => Assert.Equal(Held(1).ValuesJson, h.ValuesJson));
    }

    [Fact]
    public async Task Bulk_inserted_money_and_nulls_read_back_unchanged()
    {
        await using var mart = await TestMart.CreateAsync();
        var history = new FactArrangementHistory
        {
            ArrangementKey = UnknownMembers.Key,
            Version = 3,
            SubmissionKey = UnknownMembers.Key,
            Title = "Shared legal service",
            ServiceAreaKey = UnknownMembers.Key,
            Category = "Back office",
            ProfileKey = UnknownMembers.Key,
            StartDateKey = UnknownMembers.Key,
            EndDateKey = UnknownMembers.Key,
            LeadAuthorityKey = UnknownMembers.Key,
            Status = null,
            AnnualSavingsGbp = 1_234_567.89m,
            SavingsToDateGbp = null,
            PartnerCount = 4,
            CouncilCount = 3,
            ContentHash = new string('a', 64),
            RecordedAt = DateTimeOffset.UnixEpoch.AddDays(20_000),
        };

        var read = await mart.QueryAsync(async db =>
        {
            // History points at a real fact; -1 is the unknown member of each dimension.
            await using var transaction = await db.Database.BeginTransactionAsync();
            var fact = new FactArrangement
            {
                ArrangementId = "SSP-TEST", IdentityKey = "test", Title = "Shared legal service", Category = "Back office", ContentHash = history.ContentHash,
                ServiceAreaKey = UnknownMembers.Key, ProfileKey = UnknownMembers.Key, StartDateKey = UnknownMembers.Key, EndDateKey = UnknownMembers.Key,
                LeadAuthorityKey = UnknownMembers.Key, SubmissionKey = UnknownMembers.Key, FirstSubmissionKey = UnknownMembers.Key, Version = 1,
            };
            db.Arrangements.Add(fact);
            await db.SaveChangesAsync();
            history.ArrangementKey = fact.ArrangementKey;
            await new BulkInserter<FactArrangementHistory>(db).InsertAsync([history], CancellationToken.None);
            await transaction.CommitAsync();
            return await db.ArrangementHistory.AsNoTracking().SingleAsync();
        });

        Assert.Equal(history.AnnualSavingsGbp, read.AnnualSavingsGbp);
        Assert.Null(read.SavingsToDateGbp);
        Assert.Null(read.Status);
        Assert.Equal(history.RecordedAt, read.RecordedAt);
        Assert.Equal((3, 4, 3), (read.Version, read.PartnerCount, read.CouncilCount));
    }

    [Fact]
    public async Task Bulk_inserted_facts_store_money_distances_flags_and_nulls_byte_for_byte_as_EF_and_get_their_keys()
    {
        await using var mart = await TestMart.CreateAsync();
        FactArrangement Fact(string id) => new()
        {
            ArrangementId = id, IdentityKey = id.ToLowerInvariant(), Title = "Shared ICT – Essex & Suffolk", Description = "",
            Reference = null, Category = "Back office", ContentHash = new string('c', 64), Status = "Live", Governance = null, DeliveryModel = "Shared in-house",
            ServiceAreaKey = UnknownMembers.Key, ProfileKey = UnknownMembers.Key, StartDateKey = UnknownMembers.Key, EndDateKey = UnknownMembers.Key,
            LeadAuthorityKey = UnknownMembers.Key, SubmissionKey = UnknownMembers.Key, FirstSubmissionKey = UnknownMembers.Key, Version = 1,
            AnnualSavingsGbp = 1_234_567.80m, SavingsToDateGbp = 0.05m, MaxPartnerDistanceKm = 12.345678901234, IsCrossTier = true, IsCrossSector = false,
            StartDateIsApproximate = true, PartnerCount = 3, CouncilCount = 2,
        };

        var (stored, keys) = await mart.QueryAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Arrangements.Add(Fact("ARR-EF"));
            await db.SaveChangesAsync();
            var bulk = new[] { Fact("ARR-BULK-1"), Fact("ARR-BULK-2") };
            var inserter = new BulkInserter<FactArrangement>(db);
            await inserter.InsertAsync(bulk, CancellationToken.None);
            await transaction.CommitAsync();

            await db.Database.OpenConnectionAsync();
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "SELECT * FROM fact_arrangement ORDER BY arrangement_key";
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync())
            {
                rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount)
                    .Where(i => reader.GetName(i) is not ("arrangement_key" or "arrangement_id" or "identity_key"))
                    .Select(i => reader.IsDBNull(i) ? "NULL" : $"{reader.GetFieldType(i).Name}:{reader.GetValue(i)}")));
            }

            var read = await db.Arrangements.AsNoTracking().Where(a => a.ArrangementId.StartsWith("ARR-BULK")).OrderBy(a => a.ArrangementId).Select(a => a.ArrangementKey).ToListAsync();
            return (rows, (Read: read, Set: bulk.Select(b => b.ArrangementKey).ToList()));
        });

        Assert.Equal(3, stored.Count);
        Assert.Equal(stored[0], stored[1]);
        Assert.Equal(stored[0], stored[2]);
        Assert.Equal(keys.Read, keys.Set); // the keys SQLite gave the rows are on the entities
        Assert.All(keys.Set, k => Assert.True(k > 0));
    }

    [Fact]
    public void On_SQL_Server_a_statement_carries_many_rows_within_the_parameter_limit_and_leaves_out_the_identity_key()
    {
        var options = new DbContextOptionsBuilder<SqlServerMartDbContext>()
            .UseSqlServer("Server=tcp:unreachable.invalid,1433;Database=mart;Encrypt=true;Connect Timeout=1")
            .Options;
        using var db = new SqlServerMartDbContext(options);
        var inserter = new BulkInserter<FactArrangement>(db);

        using var command = inserter.CreateCommand(inserter.RowsPerStatement);

        Assert.InRange(inserter.RowsPerStatement, 10, 1000);
        Assert.InRange(command.Parameters.Count, 1, 2100);
        Assert.StartsWith("INSERT INTO [mart].[fact_arrangement] ([", command.CommandText, StringComparison.Ordinal);
        Assert.Contains("[arrangement_id]", command.CommandText, StringComparison.Ordinal);
        Assert.DoesNotContain("[arrangement_key]", command.CommandText, StringComparison.Ordinal);
        var savings = command.Parameters.Cast<SqlParameter>().First(p => p.ParameterName == "@p0_" + ColumnIndex(command.CommandText, "annual_savings_gbp"));
        Assert.Equal((System.Data.SqlDbType.Decimal, (byte)18, (byte)2), (savings.SqlDbType, savings.Precision, savings.Scale));
    }

    private static int ColumnIndex(string insert, string column)
    {
        var list = insert[(insert.IndexOf('(', StringComparison.Ordinal) + 1)..insert.IndexOf(')', StringComparison.Ordinal)];
        return Array.FindIndex(list.Split(", "), c => c == $"[{column}]");
    }
}
