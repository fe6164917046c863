using Azure.Core;
using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;

namespace SharedServicesPipeline.Functions.Storage;

/// <summary>
/// Builds the one BlobServiceClient from the same <c>Storage</c> setting the blob trigger uses: a connection string
/// locally (Azurite), or <c>Storage__blobServiceUri</c> with a managed identity in Azure (no keys).
/// </summary>
internal static class BlobServiceClientFactory
{
    public static BlobServiceClient Create(IConfiguration configuration)
    {
        var section = configuration.GetSection("Storage");
        // Pinned to a service version that both Azure and the Azurite used in tests know.
        var options = new BlobClientOptions(BlobClientOptions.ServiceVersion.V2026_06_06);
        options.Retry.MaxRetries = 5;
        options.Retry.Mode = RetryMode.Exponential;
        if (!string.IsNullOrWhiteSpace(section.Value))
        {
            return new BlobServiceClient(section.Value, options);
        }

        var uri = section["blobServiceUri"] ?? section["serviceUri"]
            ?? throw new InvalidOperationException("Set 'Storage' (a connection string) or 'Storage__blobServiceUri' (with a managed identity).");
        var clientId = section["clientId"];
        TokenCredential credential = string.IsNullOrWhiteSpace(clientId)
            ? new DefaultAzureCredential()
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
        return new BlobServiceClient(new Uri(uri), credential, options);
    }
}
