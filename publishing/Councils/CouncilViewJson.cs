using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace SharedServicesPipeline.Publishing.Councils;

/// <summary>The one JSON form of a council view, for <c>ssp council --json</c> and <c>GET /api/councils/{code}</c> alike.</summary>
public static class CouncilViewJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static byte[] Serialize(CouncilView view) => JsonSerializer.SerializeToUtf8Bytes(view, Options);
}
