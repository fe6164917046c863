using System.Reflection;

namespace SharedServicesPipeline.Publishing.Dashboard;

/// <summary>The page's template, style, script and Apache ECharts, embedded at build time by dashboard/Dashboard.targets.</summary>
internal sealed record DashboardAssets(string Template, string Style, string Script, string ECharts)
{
    public static DashboardAssets BuiltIn => LazyBuiltIn.Value;

    private static readonly Lazy<DashboardAssets> LazyBuiltIn = new(() => new DashboardAssets(
        Read("dashboard.html"), Read("dashboard.css"), Read("dashboard.js"), Read("echarts.min.js")));

    private static string Read(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("SharedServicesPipeline.Dashboard." + name)
            ?? throw new InvalidOperationException($"The dashboard asset {name} is missing from the build: build the pipeline project, which runs npm ci in dashboard/.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
