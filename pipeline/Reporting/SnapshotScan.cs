using System.Text.Json;
using System.Text.Json.Serialization;

namespace SharedServicesPipeline.Pipeline.Reporting;

/// <summary>
/// Reads an <c>arrangements.json</c> forward, handing each arrangement to a callback and keeping none: what comparing a
/// return with the previous one holds is what the callback keeps (a key and a hash each), not the records. Reads the
/// snapshots of every version (the header before or after the arrangements).
/// </summary>
internal static class SnapshotScan
{
    /// <summary>The snapshot's header, or null when the file is not a snapshot.</summary>
    public static async Task<SnapshotHeader?> ReadAsync(Stream json, Action<SubmittedArrangement> each, CancellationToken cancellationToken)
    {
        // A converter per scan carries the callback; the serializer reads the array element by element from the stream.
        var options = new JsonSerializerOptions(PublishedJson.Options);
        options.Converters.Add(new Each(each));
        try
        {
            return await JsonSerializer.DeserializeAsync<SnapshotHeader>(json, options, cancellationToken);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>What a snapshot says of itself; <see cref="Arrangements"/> holds one null per arrangement read.</summary>
    internal sealed class SnapshotHeader
    {
        public string SubmissionId { get; set; } = "";

        public string FileName { get; set; } = "";

        public DateTimeOffset ReceivedAt { get; set; }

        public List<string> LeadAuthorities { get; set; } = [];

        public List<SubmittedArrangement?> Arrangements { get; set; } = [];
    }

    private sealed class Each(Action<SubmittedArrangement> each) : JsonConverter<SubmittedArrangement>
    {
        public override SubmittedArrangement? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (JsonSerializer.Deserialize<SubmittedArrangement>(ref reader, PublishedJson.Options) is { } arrangement)
            {
                each(arrangement);
            }

            return null;
        }

        public override void Write(Utf8JsonWriter writer, SubmittedArrangement value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value, PublishedJson.Options);
    }
}
