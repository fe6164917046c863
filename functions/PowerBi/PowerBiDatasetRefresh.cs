using System.Net.Http.Headers;
using System.Net.Http.Json;
using Azure.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SharedServicesPipeline.Publishing;

namespace SharedServicesPipeline.Functions.PowerBi;

/// <summary>
/// Asks Power BI to refresh its dataset after a new run is published:
/// <c>POST v1.0/myorg/groups/{workspace}/datasets/{dataset}/refreshes</c> with an Entra ID bearer token. A typed
/// HttpClient with the standard resilience handler retries throttling and transient faults.
/// </summary>
public sealed partial class PowerBiDatasetRefresh : IPublishNotifier
{
    public const string CredentialKey = "PowerBI";

    private readonly HttpClient _http;
    private readonly TokenCredential _credential;
    private readonly PowerBiOptions _options;
    private readonly ILogger<PowerBiDatasetRefresh> _logger;

    public PowerBiDatasetRefresh(
        HttpClient http,
        [FromKeyedServices(CredentialKey)] TokenCredential credential,
        IOptions<PowerBiOptions> options,
        ILogger<PowerBiDatasetRefresh> logger)
    {
        _http = http;
        _credential = credential;
        _options = options.Value;
        _logger = logger;
    }

    public async Task<string?> NotifyAsync(ExtractManifest manifest, CancellationToken cancellationToken)
    {
        if (!_options.IsOn)
        {
            return null;
        }

        var path = $"v1.0/myorg/groups/{Uri.EscapeDataString(_options.WorkspaceId!)}/datasets/{Uri.EscapeDataString(_options.DatasetId!)}/refreshes";
        var token = await _credential.GetTokenAsync(new TokenRequestContext([_options.Scope]), cancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            // A service principal may not ask for e-mail notifications; NoNotification works for every identity.
            Content = JsonContent.Create(new { notifyOption = "NoNotification" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        using var response = await _http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new HttpRequestException(
                $"Power BI refused the refresh of dataset {_options.DatasetId} in workspace {_options.WorkspaceId}: {(int)response.StatusCode} {response.ReasonPhrase} {Truncate(body)}. " +
                "Check that the app's identity is a member of the workspace and may use the Power BI API.",
                null,
                response.StatusCode);
        }

        var requestId = response.Headers.TryGetValues("RequestId", out var ids) ? ids.FirstOrDefault() : null;
        LogRequested(_options.DatasetId!, manifest.RunId, requestId);
        return $"Power BI dataset {_options.DatasetId} refresh requested (request {requestId ?? "without id"}).";
    }

    private static string Truncate(string text) => text.Length > 300 ? text[..300] + "…" : text;

    [LoggerMessage(Level = LogLevel.Information, Message = "Asked Power BI to refresh dataset {DatasetId} after run {RunId} (request {RequestId})")]
    private partial void LogRequested(string datasetId, string runId, string? requestId);
}
