using System.Collections.Concurrent;
using System.Net;
using Trellis.Channels.Network;

namespace Trellis.Channels.Tests.Support;

/// <summary>Records every TCP connection the HTTP stack opens: proof that a refused target saw no traffic.</summary>
public sealed class CountingConnector : ITcpConnector
{
    private readonly ConcurrentQueue<IPEndPoint> connections = new();

    public IReadOnlyList<IPEndPoint> Connections => connections.ToArray();

    public ValueTask<Stream> ConnectAsync(IPEndPoint endPoint, CancellationToken ct)
    {
        connections.Enqueue(endPoint);
        if (!IPAddress.IsLoopback(endPoint.Address))
        {
            // Belt and braces: even a bug in the guard must not send test traffic off this machine.
            throw new InvalidOperationException($"test refused to connect to {endPoint}");
        }

        return TcpConnector.Instance.ConnectAsync(endPoint, ct);
    }
}
