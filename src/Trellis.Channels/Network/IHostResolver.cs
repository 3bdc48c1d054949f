using System.Net;

namespace Trellis.Channels.Network;

/// <summary>Turns a host name into addresses. Injected so tests can play DNS (and DNS rebinding).</summary>
public interface IHostResolver
{
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct);
}
