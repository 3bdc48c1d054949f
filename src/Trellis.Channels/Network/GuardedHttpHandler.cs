using System.Net;

namespace Trellis.Channels.Network;

/// <summary>
/// Builds the HTTP handler for outbound calls to user-supplied URLs. Every new connection goes
/// through <see cref="NetworkTargetGuard"/>: to the addresses the sender already checked for this
/// request (carried in <see cref="CheckedAddressesKey"/>), or, when a request arrives without them,
/// to addresses checked right here. Redirects are not followed and no proxy is used, so the address
/// checked is the address reached.
/// </summary>
public static class GuardedHttpHandler
{
    /// <summary>Request option holding the addresses the caller checked for the request's host.</summary>
    public static readonly HttpRequestOptionsKey<IReadOnlyList<IPAddress>> CheckedAddressesKey = new("trellis.checked-addresses");

    public static SocketsHttpHandler Create(NetworkTargetGuard guard, ITcpConnector? connector = null)
    {
        connector ??= TcpConnector.Instance;
        return new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectCallback = (context, ct) => ConnectAsync(guard, connector, context, ct),
        };
    }

    private static async ValueTask<Stream> ConnectAsync(
        NetworkTargetGuard guard, ITcpConnector connector, SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var host = context.DnsEndPoint.Host;
        IReadOnlyList<IPAddress> addresses;
        if (context.InitialRequestMessage.Options.TryGetValue(CheckedAddressesKey, out var checkedAddresses))
        {
            addresses = checkedAddresses;
        }
        else
        {
            var check = await guard.CheckAsync(host, ct).ConfigureAwait(false);
            if (!check.IsAllowed)
            {
                throw new TargetRefusedException(check.RefusalReason!);
            }

            addresses = check.Addresses;
        }

        Exception? last = null;
        foreach (var address in addresses)
        {
            // Checked again at the last moment: whatever handed us these addresses, nothing
            // the policy refuses is ever connected to.
            if (!guard.Policy.Permits(address))
            {
                throw new TargetRefusedException($"{address} ({AddressClassifier.Classify(address)}) is not an allowed target");
            }

            try
            {
                return await connector.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                last = e;
            }
        }

        throw last ?? new TargetRefusedException($"host '{host}' has no address to connect to");
    }
}
