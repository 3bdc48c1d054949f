using System.Net;

namespace Trellis.Channels.Network;

/// <summary>
/// Resolves a host once and checks every address against the <see cref="NetworkTargetPolicy"/>.
/// The addresses it approves are the ones connected to (see <see cref="GuardedHttpHandler"/>), so a
/// DNS answer that changes between check and connect (rebinding) cannot redirect the request.
/// </summary>
public sealed class NetworkTargetGuard(NetworkTargetPolicy policy, IHostResolver resolver)
{
    public NetworkTargetPolicy Policy => policy;

    public async Task<TargetCheck> CheckAsync(string host, CancellationToken ct)
    {
        var addresses = await AddressesOfAsync(host, ct).ConfigureAwait(false);
        if (addresses is null)
        {
            return TargetCheck.Unresolved($"host '{host}' did not resolve");
        }

        // All or nothing: a name that resolves to a public and a private address is refused,
        // because nothing would stop the connection from using the private one.
        foreach (var address in addresses)
        {
            var category = AddressClassifier.Classify(address);
            if (!policy.Permits(category))
            {
                return TargetCheck.Refused($"host '{host}' resolves to {address}, a {category} address that is not allowed");
            }
        }

        return TargetCheck.Allowed(addresses);
    }

    private async Task<IPAddress[]?> AddressesOfAsync(string host, CancellationToken ct)
    {
        var bare = host.Trim('[', ']');
        if (IPAddress.TryParse(bare, out var literal))
        {
            return [literal];
        }

        // RFC 6761: "localhost" and its subdomains are loopback whatever DNS says; answering here
        // also means we never ask a resolver about them.
        if (bare.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || bare.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
        {
            return [IPAddress.Loopback, IPAddress.IPv6Loopback];
        }

        try
        {
            var resolved = await resolver.ResolveAsync(bare, ct).ConfigureAwait(false);
            return resolved.Length == 0 ? null : resolved;
        }
        catch (Exception e) when (e is System.Net.Sockets.SocketException or ArgumentException)
        {
            return null;
        }
    }
}
