using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Unicode;

namespace SharedServicesPipeline.Pipeline.Publishing.Dashboard;

/// <summary>
/// Renders dashboard.html: one file with the style, Apache ECharts, the page's script and the model as JSON inlined.
/// A Content-Security-Policy allows only these inline scripts (by hash) and no request of any kind.
/// </summary>
internal static partial class DashboardPage
{
    // The default encoder escapes <, >, & and quotes as \uXXXX, so no text in the data can close the script element.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static string Render(DashboardModel model, DashboardAssets assets)
    {
        var data = JsonSerializer.Serialize(model, Json);
        var echarts = Inlineable(assets.ECharts, "echarts.min.js");
        var script = Inlineable(assets.Script, "dashboard.js");
        var policy = string.Join("; ",
            "default-src 'none'",
            $"script-src '{Hash(echarts)}' '{Hash(script)}'",
            "style-src 'unsafe-inline'",
            "img-src data: blob:",
            "base-uri 'none'",
            "form-action 'none'");
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["csp"] = policy,
            ["style"] = assets.Style,
            ["data"] = data,
            ["echarts"] = echarts,
            ["script"] = script,
        };
        // One pass, so nothing inserted is scanned for placeholders again.
        return Placeholder().Replace(assets.Template, m => values.TryGetValue(m.Groups[1].Value, out var value)
            ? value
            : throw new InvalidOperationException($"dashboard.html has an unknown placeholder {m.Value}."));
    }

    private static string Inlineable(string script, string name) =>
        script.Contains("</script", StringComparison.OrdinalIgnoreCase) || script.Contains("<!--", StringComparison.Ordinal)
            ? throw new InvalidOperationException($"{name} contains </script or <!-- and cannot be inlined as it is.")
            : script;

    private static string Hash(string script) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(script)));

    [GeneratedRegex(@"\{\{(\w+)\}\}")]
    private static partial Regex Placeholder();
}
