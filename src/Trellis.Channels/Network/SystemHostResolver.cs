using System.Net;

namespace Trellis.Channels.Network;

/// <summary>The operating system's resolver.</summary>
public sealed class SystemHostResolver : IHostResolver
{
    public static SystemHostResolver Instance { get; } = new();

    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct) => Dns.GetHostAddressesAsync(host, ct);
}
