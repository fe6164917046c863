using Azure;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SharedServicesPipeline.Functions.Storage;
using SharedServicesPipeline.Pipeline.Reference;

namespace SharedServicesPipeline.Functions.Reference;

/// <summary>
/// The matcher over the built-in register with the operator's <c>authorities.csv</c> and <c>aliases.csv</c> from the reference
/// container merged over it, so that a new alias or authority needs no release. <see cref="ReloadAsync"/> runs at host start and
/// before every ingest and refresh: one listing of the container, and the files are read again only when an ETag changed.
/// A new matcher is built aside and swapped in whole, so a name is always matched by one consistent set of files.
/// No container or no files means the built-in register; a file with any problem is not applied at all (the last good matcher
/// stays) and the problem is logged once per upload and shown by the deep health check.
/// </summary>
public sealed partial class ReloadingAuthorityMatcher : IAuthorityMatcher, IDisposable
{
    private readonly BlobServiceClient _service;
    private readonly StorageOptions _containers;
    private readonly ILogger<ReloadingAuthorityMatcher> _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile AuthorityMatcher _current = AuthorityMatcher.CreateBuiltIn();
    private volatile ReferenceStatus _status = ReferenceStatus.BuiltIn;
    private string _seen = "";

    public ReloadingAuthorityMatcher(BlobServiceClient service, IOptions<StorageOptions> containers, ILogger<ReloadingAuthorityMatcher> logger)
    {
        _service = service;
        _containers = containers.Value;
        _logger = logger;
    }

    /// <summary>The matcher in use; its register is the one the mart's dim_authority follows.</summary>
    public AuthorityMatcher Current => _current;

    public ReferenceStatus Status => _status;

    public MatchResult Match(string name, DateOnly? asOf = null) => _current.Match(name, asOf);

    public IReadOnlyList<string> SplitPartners(string cell) => _current.SplitPartners(cell);

    public AuthorityRegister Register => _current.Register;

    /// <summary>Brings the matcher in line with the reference container. True when a different matcher is now in use.</summary>
    public async Task<bool> ReloadAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var container = _service.GetBlobContainerClient(_containers.Reference);
            var etags = await ListAsync(container, cancellationToken);
            var version = string.Join(';', etags.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}={e.Value}"));
            if (version == _seen)
            {
                return false;
            }

            if (etags.Count == 0)
            {
                _seen = version;
                return Use(AuthorityMatcher.CreateBuiltIn(), ReferenceStatus.BuiltIn);
            }

            var authorities = etags.ContainsKey(ReferenceFileCheck.AuthoritiesFile) ? await ReadAsync(container, ReferenceFileCheck.AuthoritiesFile, cancellationToken) : null;
            var aliases = etags.ContainsKey(ReferenceFileCheck.AliasesFile) ? await ReadAsync(container, ReferenceFileCheck.AliasesFile, cancellationToken) : null;
            // Remembered before building, so that a bad upload is reported once rather than at every ingest until it is fixed.
            _seen = version;
            var problems = authorities is null ? [] : ReferenceFileCheck.Authorities(authorities);
            if (problems.Count == 0 && aliases is not null)
            {
                var register = AuthorityRegister.WithOverrides(authorities is null ? null : new StringReader(authorities));
                problems = ReferenceFileCheck.Aliases(aliases, register);
            }

            if (problems.Count > 0)
            {
                foreach (var problem in problems)
                {
                    LogProblem(container.Name, problem.File, problem.Line, problem.Message, _status.Source);
                }

                _status = _status with { Problems = problems };
                return false;
            }

            var matcher = AuthorityMatcher.Create(
                authorities is null ? null : new StringReader(authorities),
                aliases is null ? null : new StringReader(aliases));
            return Use(matcher, new ReferenceStatus($"{container.Name}/: {string.Join(", ", etags.Keys.Order(StringComparer.Ordinal))}", []));
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private bool Use(AuthorityMatcher matcher, ReferenceStatus status)
    {
        var changed = !ReferenceEquals(matcher, _current);
        _current = matcher;
        _status = status;
        if (changed)
        {
            LogLoaded(status.Source, matcher.Register.Authorities.Count);
        }

        return changed;
    }

    private static async Task<Dictionary<string, ETag>> ListAsync(BlobContainerClient container, CancellationToken cancellationToken)
    {
        var etags = new Dictionary<string, ETag>(StringComparer.Ordinal);
        try
        {
            await foreach (var blob in container.GetBlobsAsync(cancellationToken: cancellationToken))
            {
                if (blob.Name is ReferenceFileCheck.AuthoritiesFile or ReferenceFileCheck.AliasesFile && blob.Properties.ETag is { } etag)
                {
                    etags[blob.Name] = etag;
                }
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // No reference container: the built-in register.
        }

        return etags;
    }

    private static async Task<string> ReadAsync(BlobContainerClient container, string name, CancellationToken cancellationToken)
    {
        var content = await container.GetBlobClient(name).DownloadContentAsync(cancellationToken);
        return content.Value.Content.ToString();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reference data in use: {Source} ({Authorities} authorities)")]
    private partial void LogLoaded(string source, int authorities);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reference file {Container}/{File} line {Line}: {Problem}. The file is not applied; the {Source} reference data stays in use")]
    private partial void LogProblem(string container, string file, int line, string problem, string source);
}
