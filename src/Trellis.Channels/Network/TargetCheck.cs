using System.Net;

namespace Trellis.Channels.Network;

/// <summary>The result of checking a host: the addresses we may connect to, or why none.</summary>
/// <param name="ResolutionFailed">The name did not resolve: maybe a DNS outage, so not a verdict on the target.</param>
public sealed record TargetCheck(IReadOnlyList<IPAddress> Addresses, string? RefusalReason, bool ResolutionFailed = false)
{
    public bool IsAllowed => RefusalReason is null;

    public static TargetCheck Allowed(IReadOnlyList<IPAddress> addresses) => new(addresses, null);

    public static TargetCheck Refused(string reason) => new([], reason);

    public static TargetCheck Unresolved(string reason) => new([], reason, ResolutionFailed: true);
}
