using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SharedServicesPipeline.Tests.Support;

/// <summary>
/// A loopback port that records every connection made to it and the first line sent (an HTTP request line), answering
/// nothing: a test points a would-be external reference here and asserts that no one came.
/// </summary>
internal sealed class ConnectionRecorder : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly Task _accepting;

    public ConnectionRecorder()
    {
        _listener.Start();
        _accepting = AcceptAsync(_stop.Token);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public string Url(string path) => $"http://127.0.0.1:{Port}/{path}";

    /// <summary>The first line of each connection, or "(connected)" when nothing was sent.</summary>
    public IReadOnlyCollection<string> Requests => [.. _requests];

    private async Task AcceptAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            using (client)
            {
                var buffer = new byte[1024];
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                wait.CancelAfter(TimeSpan.FromSeconds(2));
                var read = 0;
                try
                {
                    read = await client.GetStream().ReadAsync(buffer, wait.Token);
                }
                catch (Exception ex) when (ex is OperationCanceledException or IOException)
                {
                }

                var text = Encoding.ASCII.GetString(buffer, 0, read);
                _requests.Enqueue(read == 0 ? "(connected)" : text.Split('\n')[0].Trim());
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
