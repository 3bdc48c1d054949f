using System.Net;

namespace Trellis.Channels.Network;

/// <summary>The result of checking a host: the addresses we may connect to, or why none.</summary>
public sealed record TargetCheck(IReadOnlyList<IPAddress> Addresses, string? RefusalReason)
{
    public bool IsAllowed => RefusalReason is null;

    public static TargetCheck Allowed(IReadOnlyList<IPAddress> addresses) => new(addresses, null);

    public static TargetCheck Refused(string reason) => new([], reason);
}
