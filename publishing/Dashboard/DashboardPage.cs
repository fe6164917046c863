using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Unicode;

namespace SharedServicesPipeline.Publishing.Dashboard;

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

    /// <summary>Writes the page to <paramref name="output"/> as UTF-8, the model's JSON serialized straight into it.</summary>
    public static void Write(DashboardModel model, DashboardAssets assets, string boundaries, Stream output)
    {
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
            ["echarts"] = echarts,
            ["script"] = script,
            // JSON data, not script: a script element of type application/json is never run, so the CSP needs no hash for it.
            ["boundaries"] = Inlineable(boundaries, "council-boundaries.topo.json"),
        };

        // One pass over the template, so nothing inserted is scanned for placeholders again. The data (70 MB for
        // 100k arrangements) is never a string: it was built as one, then copied into the page and again into bytes.
        var template = assets.Template;
        var at = 0;
        foreach (Match placeholder in Placeholder().Matches(template))
        {
            WriteText(output, template.AsSpan(at, placeholder.Index - at));
            var name = placeholder.Groups[1].Value;
            if (name == "data")
            {
                JsonSerializer.Serialize(output, model, Json);
            }
            else
            {
                WriteText(output, values.TryGetValue(name, out var value)
                    ? value
                    : throw new InvalidOperationException($"dashboard.html has an unknown placeholder {placeholder.Value}."));
            }

            at = placeholder.Index + placeholder.Length;
        }

        WriteText(output, template.AsSpan(at));
    }

    private static void WriteText(Stream output, ReadOnlySpan<char> text)
    {
        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            output.Write(bytes, 0, Encoding.UTF8.GetBytes(text, bytes));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    private static string Inlineable(string script, string name) =>
        script.Contains("</script", StringComparison.OrdinalIgnoreCase) || script.Contains("<!--", StringComparison.Ordinal)
            ? throw new InvalidOperationException($"{name} contains </script or <!-- and cannot be inlined as it is.")
            : script;

    private static string Hash(string script) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(script)));

    [GeneratedRegex(@"\{\{(\w+)\}\}")]
    private static partial Regex Placeholder();
}
