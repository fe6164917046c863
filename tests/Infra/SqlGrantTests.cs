using System.Text.RegularExpressions;
using Xunit;

namespace SharedServicesPipeline.Tests.Infra;

/// <summary>
/// Inside the database the app's identity reads and writes the rows of schema mart and nothing more; the schema is the
/// deployer's. The grant is data-plane SQL, so it is run by the postprovision hook (infra/hooks/sql/grant-identity.sql)
/// rather than written in the template.
/// </summary>
[Collection(CompiledInfraGroup.Name)]
public sealed partial class SqlGrantTests(CompiledInfra infra)
{
    private string GrantScript => File.ReadAllText(infra.InfraPath("hooks", "sql", "grant-identity.sql"));

    private string Statements => string.Join('\n', GrantScript.Split('\n').Where(l => !l.TrimStart().StartsWith("--", StringComparison.Ordinal)));

    [Fact]
    public void App_user_is_created_from_entra_by_object_id()
    {
        Assert.Contains("CREATE USER [$(IdentityName)] FROM EXTERNAL PROVIDER WITH OBJECT_ID = '$(IdentityObjectId)';", Statements, StringComparison.Ordinal);

        var hook = File.ReadAllText(infra.InfraPath("hooks", "postprovision.sh"));
        Assert.Contains("-v \"IdentityObjectId=$AZURE_MANAGED_IDENTITY_PRINCIPAL_ID\"", hook, StringComparison.Ordinal);
        Assert.Equal("[reference('identity').outputs.principalId.value]", Arm.Str(infra.Main["outputs"]!["AZURE_MANAGED_IDENTITY_PRINCIPAL_ID"]!["value"]));
    }

    [Fact]
    public void App_user_may_select_insert_update_and_delete_in_schema_mart_and_nothing_else()
    {
        var grants = Grant().Matches(Statements).Select(m => m.Value.Trim()).ToList();

        Assert.Equal(["GRANT SELECT, INSERT, UPDATE, DELETE ON SCHEMA::[mart] TO [$(IdentityName)];"], grants);
        Assert.DoesNotContain("ADD MEMBER", Statements, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(@"(?i)\b(CONTROL|ALTER ANY|db_owner|EXECUTE|REFERENCES|TAKE OWNERSHIP|IMPERSONATE)\b", Statements.Replace("ALTER ROLE", "", StringComparison.Ordinal));
    }

    [Fact]
    public void A_reprovision_takes_away_the_roles_earlier_deployments_gave()
    {
        foreach (var role in new[] { "db_ddladmin", "db_datawriter", "db_datareader" })
        {
            Assert.Contains($"IF IS_ROLEMEMBER(N'{role}', N'$(IdentityName)') = 1 ALTER ROLE {role} DROP MEMBER [$(IdentityName)];", Statements, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_table_and_view_the_deployment_creates_is_in_schema_mart_so_the_grant_covers_it()
    {
        var script = File.ReadAllText(Path.Combine(infra.RepositoryRoot, "datamart", "sql", "mart.sql"));
        var created = CreatedObject().Matches(script).Select(m => m.Groups["name"].Value).ToList();

        Assert.NotEmpty(created);
        Assert.All(created, name => Assert.StartsWith("[mart].", name, StringComparison.Ordinal));
        // No procedures or functions: SELECT covers the views, and the app needs no EXECUTE.
        Assert.DoesNotMatch(@"(?i)CREATE\s+(OR\s+ALTER\s+)?(PROCEDURE|PROC|FUNCTION)\b", script);
    }

    [Fact]
    public void The_deployer_applies_the_schema_and_the_app_never_migrates()
    {
        var hook = File.ReadAllText(infra.InfraPath("hooks", "postprovision.sh"));
        var grant = hook.IndexOf("grant-identity.sql", StringComparison.Ordinal);
        var schema = hook.IndexOf("run_sql -i \"$schema_script\"", StringComparison.Ordinal);
        Assert.True(grant > 0 && schema > grant, "the hook grants the app, then applies mart.sql as the administrator");
        Assert.Equal("false", Arm.AppSettings(infra.Main)["Mart__ApplyMigrations"]);
    }

    [GeneratedRegex(@"(?im)^\s*GRANT\b[^\n]*$")]
    private static partial Regex Grant();

    [GeneratedRegex(@"(?i)CREATE\s+(?:OR\s+ALTER\s+)?(?:TABLE|VIEW)\s+(?<name>\[\w+\]\.\[\w+\]|\[\w+\]|\w+)")]
    private static partial Regex CreatedObject();
}
