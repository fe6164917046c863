using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Sas;
using Microsoft.Extensions.Options;
using SharedServicesPipeline.Pipeline;
using SharedServicesPipeline.Publishing;

namespace SharedServicesPipeline.Functions.Storage;

/// <summary>
/// Lists the latest run from <c>latest/manifest.json</c> with short-lived read-only links to the run's own files, so
/// that a client downloading them gets one consistent run. In Azure the links are user-delegation SAS signed with a
/// key from Entra ID (the app holds no account key); with a shared-key connection string (Azurite) they are service
/// SAS. One path decides by <see cref="BlobServiceClient.CanGenerateAccountSasUri"/>.
/// </summary>
public sealed class ExtractLinks
{
    // Clocks differ between us and the storage service; a link valid from a few minutes ago works at once.
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private readonly BlobServiceClient _service;
    private readonly BlobContainerClient _container;
    private readonly ExtractLinkOptions _options;
    private readonly TimeProvider _clock;

    public ExtractLinks(BlobServiceClient service, IOptions<StorageOptions> containers, IOptions<ExtractLinkOptions> options, TimeProvider clock)
    {
        _service = service;
        _container = service.GetBlobContainerClient(containers.Value.Extracts);
        _options = options.Value;
        _clock = clock;
    }

    /// <summary>The latest run with read links, or null if nothing has been published.</summary>
    public async Task<ExtractListing?> ListLatestAsync(CancellationToken cancellationToken)
    {
        ExtractManifest? manifest;
        try
        {
            var content = await _container.GetBlobClient($"latest/{ExtractManifest.FileName}").DownloadContentAsync(cancellationToken);
            manifest = content.Value.Content.ToObjectFromJson<ExtractManifest>(PublishedJson.Options);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }

        if (manifest is null)
        {
            return null;
        }

        var now = _clock.GetUtcNow();
        var startsOn = now - ClockSkew;
        var expiresOn = now + _options.Lifetime;
        Func<string, Uri> sign;
        string kind;
        if (_service.CanGenerateAccountSasUri)
        {
            kind = "service-sas";
            sign = name => _container.GetBlobClient(name).GenerateSasUri(Builder(name, startsOn, expiresOn));
        }
        else
        {
            kind = "user-delegation-sas";
            var key = (await _service.GetUserDelegationKeyAsync(startsOn, expiresOn, cancellationToken)).Value;
            sign = name => new BlobUriBuilder(_container.GetBlobClient(name).Uri)
            {
                Sas = Builder(name, startsOn, expiresOn).ToSasQueryParameters(key, _service.AccountName),
            }.ToUri();
        }

        return new ExtractListing(
            manifest.ContractVersion,
            manifest.RunId,
            manifest.RunPath,
            manifest.GeneratedAt,
            manifest.Watermark,
            expiresOn,
            kind,
            sign(manifest.RunPath + ExtractManifest.FileName),
            [.. manifest.Files.Select(f => new ExtractLink(f.Name, f.Table, f.Rows, f.Bytes, f.Sha256, sign(manifest.RunPath + f.Name)))]);
    }

    private BlobSasBuilder Builder(string blobName, DateTimeOffset startsOn, DateTimeOffset expiresOn)
    {
        var builder = new BlobSasBuilder
        {
            BlobContainerName = _container.Name,
            BlobName = blobName,
            Resource = "b",
            StartsOn = startsOn,
            ExpiresOn = expiresOn,
            Protocol = _container.Uri.Scheme == Uri.UriSchemeHttps ? SasProtocol.Https : SasProtocol.HttpsAndHttp,
        };
        builder.SetPermissions(BlobSasPermissions.Read);
        return builder;
    }
}
