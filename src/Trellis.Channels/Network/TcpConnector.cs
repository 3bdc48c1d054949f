using System.Net;
using System.Net.Sockets;

namespace Trellis.Channels.Network;

/// <summary>A plain socket connection.</summary>
public sealed class TcpConnector : ITcpConnector
{
    public static TcpConnector Instance { get; } = new();

    public async ValueTask<Stream> ConnectAsync(IPEndPoint endPoint, CancellationToken ct)
    {
        var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(endPoint, ct).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
