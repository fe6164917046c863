using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SharedServicesPipeline.Publishing;
using SharedServicesPipeline.Publishing.Dashboard;

namespace SharedServicesPipeline.Functions.Storage;

/// <summary>
/// After a refresh publishes a run, copies its dashboard.html to the storage account's static website (<c>$web</c>,
/// whose index document infra/ sets to dashboard.html), so the published address always shows the latest run; and the
/// submission template beside it, which the dashboard links to. A notifier of the refresh: a failure here is reported
/// with the run, and the next published run puts the page up again.
/// </summary>
public sealed partial class StaticWebsitePublisher : IPublishNotifier
{
    private readonly IExtractStore _extracts;
    private readonly BlobContainerClient _website;
    private readonly ILogger<StaticWebsitePublisher> _logger;

    public StaticWebsitePublisher(IExtractStore extracts, BlobServiceClient service, IOptions<StorageOptions> options, ILogger<StaticWebsitePublisher> logger)
    {
        _extracts = extracts;
        _website = service.GetBlobContainerClient(options.Value.Website);
        _logger = logger;
    }

    public async Task<string?> NotifyAsync(ExtractManifest manifest, CancellationToken cancellationToken)
    {
        var page = await _extracts.ReadLatestAsync(DashboardArtifact.FileName, cancellationToken);
        if (page is null)
        {
            return null;
        }

        try
        {
            await _website.GetBlobClient(DashboardArtifact.FileName).UploadAsync(BinaryData.FromBytes(page), new BlobUploadOptions
            {
                // Browsers check again on every visit: the page changes with every refresh.
                HttpHeaders = new BlobHttpHeaders { ContentType = "text/html; charset=utf-8", CacheControl = "no-cache" },
            }, cancellationToken);
            LogPublished(_website.Name, page.Length);
            if (await _extracts.ReadLatestAsync(SubmissionTemplate.FileName, cancellationToken) is { } template)
            {
                await _website.GetBlobClient(SubmissionTemplate.FileName).UploadAsync(BinaryData.FromBytes(template), new BlobUploadOptions
                {
                    HttpHeaders = new BlobHttpHeaders { ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", CacheControl = "no-cache" },
                }, cancellationToken);
            }

            return $"Dashboard of run {manifest.RunId} published to the static website ({_website.Name}).";
        }
        catch (RequestFailedException ex) when (ex.ErrorCode == BlobErrorCode.ContainerNotFound)
        {
            // The static website is turned on by infra's postprovision hook; until then the extracts container has the page.
            LogNoWebsite(_website.Name);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Dashboard published to the static website container {Container} ({Bytes} bytes)")]
    private partial void LogPublished(string container, int bytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No {Container} container: the static website is not turned on (infra/hooks/postprovision.sh does it); dashboard.html is in the extracts container's latest/ only")]
    private partial void LogNoWebsite(string container);
}
