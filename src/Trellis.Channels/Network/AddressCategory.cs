namespace Trellis.Channels.Network;

/// <summary>What kind of network an IP address belongs to, for deciding whether we may connect to it.</summary>
public enum AddressCategory
{
    Public,
    Loopback,
    /// <summary>RFC 1918, carrier-grade NAT (100.64/10) and IPv6 unique-local (fc00::/7).</summary>
    Private,
    /// <summary>169.254/16 and fe80::/10, except the cloud metadata addresses.</summary>
    LinkLocal,
    /// <summary>169.254.169.254, fd00:ec2::254 and 100.100.100.200: instance credentials live there.</summary>
    CloudMetadata,
    /// <summary>Unspecified, broadcast, multicast and reserved ranges: never a legitimate target.</summary>
    Reserved,
}
