using Microsoft.EntityFrameworkCore;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using SharedServicesPipeline.DataMart;
using SharedServicesPipeline.DataMart.Quality;

namespace SharedServicesPipeline.Tests.Mart;

/// <summary>No SQL Server runs here, so prove at least that what runs in every production load is T-SQL that reads schema mart.</summary>
public sealed class SqlServerTranslationTests
{
    [Fact]
    public async Task The_data_tests_are_one_valid_t_sql_statement_reading_only_schema_mart()
    {
        var offline = new OfflineSqlServer();
        await using var db = new SqlServerMartDbContext(new DbContextOptionsBuilder<SqlServerMartDbContext>()
            .UseSqlServer("Server=offline;Database=mart;Integrated Security=true")
            .AddInterceptors(offline)
            .Options);

        await MartDataTests.RunAsync(db, submissionKey: 7, CancellationToken.None);
        await MartDataTests.RunAsync(db, submissionKey: null, CancellationToken.None);

        // Each run reads the catalogue's unique indexes first (which uniqueness tests an index answers), then the tests.
        Assert.Equal(4, offline.Commands.Count);
        var (catalogue, scoped, whole) = (offline.Commands[0], offline.Commands[1], offline.Commands[3]);
        Assert.Equal(catalogue, offline.Commands[2]);
        Assert.Contains("sys.indexes", catalogue, StringComparison.Ordinal);
        Assert.Empty(ParseErrors(catalogue));
        Assert.Contains("WHERE submission_key = @p0", scoped, StringComparison.Ordinal);
        Assert.DoesNotContain("@p0", whole, StringComparison.Ordinal);
        foreach (var sql in new[] { scoped, whole })
        {
            var fragment = new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);
            Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"line {e.Line}: {e.Message}")) + "\n" + sql);
            var tables = new TableReferences();
            fragment.Accept(tables);
            Assert.Equal(13, tables.Names.Select(n => n.Table).Distinct().Count()); // every table but refresh_run
            Assert.All(tables.Names, n => Assert.Equal("mart", n.Schema));
            var columns = new SelectColumns();
            fragment.Accept(columns);
            Assert.All(DataTestSql.Tests, test => Assert.Contains(test.Name, columns.Aliases));
        }
    }

    private static IList<ParseError> ParseErrors(string sql)
    {
        new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);
        return errors;
    }

    private sealed class TableReferences : TSqlFragmentVisitor
    {
        public List<(string? Schema, string Table)> Names { get; } = [];

        public override void Visit(NamedTableReference node) => Names.Add((node.SchemaObject.SchemaIdentifier?.Value, node.SchemaObject.BaseIdentifier.Value));
    }

    private sealed class SelectColumns : TSqlFragmentVisitor
    {
        public List<string> Aliases { get; } = [];

        public override void Visit(SelectScalarExpression node)
        {
            if (node.ColumnName is { } alias)
            {
                Aliases.Add(alias.Value);
            }
        }
    }

    [Fact]
    public async Task Views_are_read_from_schema_mart_on_sql_server()
    {
        await using var db = new SqlServerMartDbContext(new DbContextOptionsBuilder<SqlServerMartDbContext>()
            .UseSqlServer("Server=offline;Database=mart;Integrated Security=true")
            .Options);

        Assert.Contains("FROM [mart].[vw_arrangement]", db.ArrangementView.ToQueryString(), StringComparison.Ordinal);
        Assert.Contains("FROM [mart].[vw_council_sharing]", db.CouncilSharingView.Where(c => c.ArrangementCount == 0).ToQueryString(), StringComparison.Ordinal);
    }
}
