using System.Diagnostics;
using System.Net.Sockets;

namespace SharedServicesPipeline.Tests.Support;

/// <summary>
/// Real Azurite for the storage tests. ./test.sh installs and starts it; when a developer runs `dotnet test` alone,
/// this starts the locally installed copy. A missing Azurite fails the tests with what to do; it never skips them.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    public const string ConnectionString = "UseDevelopmentStorage=true";
    private const int BlobPort = 10000;
    private Process? _started;
    private string? _location;

    public async Task InitializeAsync()
    {
        if (await IsListeningAsync())
        {
            return;
        }

        var azurite = Path.Combine(RepositoryPaths.Root, "tools", "test-services", "node_modules", ".bin", "azurite");
        if (!File.Exists(azurite))
        {
            throw new InvalidOperationException(
                "Azurite is not running on 127.0.0.1:10000 and is not installed. Run ./test.sh, which installs and starts it (npm ci in tools/test-services).");
        }

        _location = Path.Combine(Path.GetTempPath(), "ssp-azurite-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_location);
        _started = Process.Start(new ProcessStartInfo(azurite, ["--silent", "--skipApiVersionCheck", "--loose", "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1", "--location", _location])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        });
        for (var i = 0; i < 100 && !await IsListeningAsync(); i++)
        {
            await Task.Delay(200);
        }

        if (!await IsListeningAsync())
        {
            throw new InvalidOperationException("Started Azurite but it did not listen on 127.0.0.1:10000 within 20 s.");
        }
    }

    public Task DisposeAsync()
    {
        if (_started is { HasExited: false })
        {
            _started.Kill(entireProcessTree: true);
            _started.WaitForExit(5000);
        }

        _started?.Dispose();
        if (_location is not null)
        {
            try
            {
                Directory.Delete(_location, recursive: true);
            }
            catch (IOException)
            {
            }
        }

        return Task.CompletedTask;
    }

    private static async Task<bool> IsListeningAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", BlobPort).WaitAsync(TimeSpan.FromSeconds(1));
            return true;
        }
        catch (Exception ex) when (ex is SocketException or TimeoutException)
        {
            return false;
        }
    }
}

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
