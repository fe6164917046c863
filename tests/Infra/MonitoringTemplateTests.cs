using Xunit;
using static SharedServicesPipeline.Tests.Infra.Arm;

namespace SharedServicesPipeline.Tests.Infra;

[Collection(CompiledInfraGroup.Name)]
public sealed class MonitoringTemplateTests(CompiledInfra infra)
{
    [Fact]
    public void Application_insights_disables_local_auth()
    {
        var component = Single(infra.Main, "Microsoft.Insights/components")["properties"]!;
        Assert.True(Bool(component["DisableLocalAuth"]));
        Assert.Contains("Microsoft.OperationalInsights/workspaces", Str(component["WorkspaceResourceId"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Log_analytics_disables_local_auth_and_caps_daily_ingestion()
    {
        var workspace = Single(infra.Main, "Microsoft.OperationalInsights/workspaces")["properties"]!;
        Assert.True(Bool(workspace["features"]!["disableLocalAuth"]));
        Assert.NotNull(workspace["workspaceCapping"]!["dailyQuotaGb"]);
    }
}
