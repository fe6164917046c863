using SharedServicesPipeline.Pipeline;
using System.Security.Cryptography;
using System.Text.Json;
using Parquet;
using Parquet.Serialization;
using SharedServicesPipeline.Publishing;

namespace SharedServicesPipeline.Tests.Extracts;

/// <summary>Reads a published local extracts folder back: the latest manifest and its files.</summary>
internal sealed class PublishedRun
{
    private PublishedRun(string folder, ExtractManifest manifest)
    {
        Folder = folder;
        Manifest = manifest;
    }

    public string Folder { get; }

    public ExtractManifest Manifest { get; }

    public static PublishedRun Latest(string extractsFolder) =>
        new(extractsFolder, JsonSerializer.Deserialize<ExtractManifest>(System.IO.File.ReadAllBytes(Path.Combine(extractsFolder, ExtractManifest.FileName)), PublishedJson.Options)!);

    public string PathOf(string fileName) => Path.Combine(Folder, fileName);

    public ExtractManifestFile File(string name) => Assert.Single(Manifest.Files, f => f.Name == name);

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public async Task<DeserializationResult<Dictionary<string, object>>> ReadParquetAsync(string fileName)
    {
        await using var stream = System.IO.File.OpenRead(PathOf(fileName));
        return await ParquetSerializer.DeserializeUntypedAsync(stream, new ParquetOptions { UseDateOnlyTypeForDates = true });
    }
}
