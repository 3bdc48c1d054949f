using System.Net;

namespace Trellis.Channels.Network;

/// <summary>Opens a TCP connection to an address that has already been checked.</summary>
public interface ITcpConnector
{
    ValueTask<Stream> ConnectAsync(IPEndPoint endPoint, CancellationToken ct);
}
