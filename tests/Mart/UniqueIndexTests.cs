using Microsoft.EntityFrameworkCore;
using SharedServicesPipeline.DataMart.Quality;
using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.Mart;

/// <summary>
/// A uniqueness data test is answered by a unique index while the database has one that holds for every row, and is
/// counted row by row when it has not (<see cref="DataTestRuleTests"/> drops each index and sees its test fail).
/// </summary>
public sealed class UniqueIndexTests : IClassFixture<DataTestRuleTests.SoundMart>
{
    private readonly DataTestRuleTests.SoundMart _sound;

    public UniqueIndexTests(DataTestRuleTests.SoundMart sound) => _sound = sound;

    [Fact]
    public async Task The_marts_unique_indexes_answer_their_uniqueness_tests_and_a_dropped_one_no_longer_does()
    {
        await using var mart = await _sound.CopyAsync();

        Assert.True(await GuaranteeAsync(mart, new("fact_arrangement", "identity_key")));
        Assert.True(await GuaranteeAsync(mart, new("fact_arrangement_history", "arrangement_key", "version")));
        // An index on some of the columns holds for all of them; one on more of them does not.
        Assert.True(await GuaranteeAsync(mart, new("fact_arrangement", "identity_key", "title")));
        Assert.False(await GuaranteeAsync(mart, new("dim_authority", "authority_code")));

        await mart.QueryAsync(db => db.Database.ExecuteSqlRawAsync("DROP INDEX IX_fact_arrangement_identity_key"));

        Assert.False(await GuaranteeAsync(mart, new("fact_arrangement", "identity_key")));
    }

    [Theory]
    [InlineData("CREATE UNIQUE INDEX ix_partial ON fact_arrangement (identity_key) WHERE version > 1", "identity_key")] // holds only for some rows
    [InlineData("CREATE UNIQUE INDEX ix_nullable ON fact_arrangement (reference)", "reference")] // lets NULLs repeat
    [InlineData("CREATE UNIQUE INDEX ix_expression ON fact_arrangement (lower(title))", "title")] // unique on something else
    public async Task A_unique_index_that_does_not_hold_for_every_row_answers_nothing(string index, string column)
    {
        await using var mart = await _sound.CopyAsync();
        await mart.QueryAsync(async db =>
        {
            await db.Database.ExecuteSqlRawAsync("DROP INDEX IX_fact_arrangement_identity_key");
            return await db.Database.ExecuteSqlRawAsync(index);
        });

        Assert.False(await GuaranteeAsync(mart, new("fact_arrangement", column)));
    }

    private static Task<bool> GuaranteeAsync(TestMart mart, UniqueColumns key) =>
        mart.QueryAsync(async db => (await UniqueIndexes.ReadAsync(db, CancellationToken.None)).Guarantee(key));
}
