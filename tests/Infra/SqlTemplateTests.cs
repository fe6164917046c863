using System.Text.Json.Nodes;
using Xunit;
using static SharedServicesPipeline.Tests.Infra.Arm;

namespace SharedServicesPipeline.Tests.Infra;

[Collection(CompiledInfraGroup.Name)]
public sealed class SqlTemplateTests(CompiledInfra infra)
{
    private JsonObject Server => Single(infra.Main, "Microsoft.Sql/servers")["properties"]!.AsObject();

    [Fact]
    public void Sql_server_allows_only_entra_authentication()
    {
        var admin = Server["administrators"]!;
        Assert.Equal("ActiveDirectory", Str(admin["administratorType"]));
        Assert.True(Bool(admin["azureADOnlyAuthentication"]));
        Assert.False(Server.ContainsKey("administratorLogin"));
        Assert.False(Server.ContainsKey("administratorLoginPassword"));

        var enforced = Single(infra.Main, "Microsoft.Sql/servers/azureADOnlyAuthentications");
        Assert.True(Bool(enforced["properties"]!["azureADOnlyAuthentication"]));
    }

    [Fact]
    public void Sql_server_requires_tls_1_2() => Assert.Equal("1.2", Str(Server["minimalTlsVersion"]));

    [Fact]
    public void Mart_database_is_serverless_general_purpose_and_pauses_when_idle()
    {
        var database = Single(infra.Main, "Microsoft.Sql/servers/databases");
        Assert.Equal("GP_S_Gen5", Str(database["sku"]!["name"]));
        Assert.Equal("GeneralPurpose", Str(database["sku"]!["tier"]));
        Assert.True(database["properties"]!.AsObject().ContainsKey("autoPauseDelay"));

        // -1 would disable auto-pause: the parameter cannot go below 15 minutes.
        var delay = infra.Main["parameters"]!["sqlAutoPauseDelayMinutes"]!;
        Assert.Equal(60, delay["defaultValue"]!.GetValue<int>());
        Assert.Equal(15, delay["minValue"]!.GetValue<int>());
    }
}
