using System.Net;

namespace Trellis.Channels.Network;

/// <summary>
/// Which kinds of addresses outbound HTTP (webhooks, tasks) may reach. Everything but the public
/// internet is refused unless switched on: a webhook URL comes from a template that people other
/// than operators can write, and must not become a way into the private network (SSRF).
/// </summary>
public sealed record NetworkTargetPolicy
{
    public bool AllowLoopback { get; init; }

    public bool AllowPrivateNetworks { get; init; }

    public bool AllowLinkLocal { get; init; }

    public bool AllowCloudMetadata { get; init; }

    public static NetworkTargetPolicy PublicOnly { get; } = new();

    public bool Permits(IPAddress address) => Permits(AddressClassifier.Classify(address));

    public bool Permits(AddressCategory category) => category switch
    {
        AddressCategory.Public => true,
        AddressCategory.Loopback => AllowLoopback,
        AddressCategory.Private => AllowPrivateNetworks,
        AddressCategory.LinkLocal => AllowLinkLocal,
        AddressCategory.CloudMetadata => AllowCloudMetadata,
        _ => false,
    };
}
