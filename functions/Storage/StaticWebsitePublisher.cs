using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SharedServicesPipeline.Pipeline.Publishing;
using SharedServicesPipeline.Pipeline.Publishing.Dashboard;

namespace SharedServicesPipeline.Functions.Storage;

/// <summary>
/// After a refresh, copies the latest dashboard.html to the storage account's static website (<c>$web</c>, whose index
/// document infra/ sets to dashboard.html), so the published address always shows the latest run; and the submission
/// template beside it, which the dashboard links to.
/// </summary>
public sealed partial class StaticWebsitePublisher
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

    public async Task PublishAsync(CancellationToken cancellationToken)
    {
        var page = await _extracts.ReadLatestAsync(DashboardArtifact.FileName, cancellationToken);
        if (page is null)
        {
            return;
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
        }
        catch (RequestFailedException ex) when (ex.ErrorCode == BlobErrorCode.ContainerNotFound)
        {
            // The static website is turned on by infra's postprovision hook; until then the extracts container has the page.
            LogNoWebsite(_website.Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Dashboard published to the static website container {Container} ({Bytes} bytes)")]
    private partial void LogPublished(string container, int bytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No {Container} container: the static website is not turned on (infra/hooks/postprovision.sh does it); dashboard.html is in the extracts container's latest/ only")]
    private partial void LogNoWebsite(string container);
}
