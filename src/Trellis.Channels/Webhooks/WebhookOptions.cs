using Trellis.Channels.Network;

namespace Trellis.Channels.Webhooks;

/// <summary>Configuration section <c>Trellis:Webhooks</c>: how outbound webhook and task calls are signed and where they may go.</summary>
public sealed class WebhookOptions
{
    /// <summary>HMAC-SHA256 key for the signature header; receivers verify with the same secret.</summary>
    public string SigningSecret { get; set; } = "";

    /// <summary>Refuse plain http:// targets. Off only for tests and trusted internal hooks.</summary>
    public bool RequireHttps { get; set; } = true;

    public bool AllowLoopback { get; set; }

    public bool AllowPrivateNetworks { get; set; }

    public bool AllowLinkLocal { get; set; }

    public bool AllowCloudMetadata { get; set; }

    public NetworkTargetPolicy ToPolicy() => new()
    {
        AllowLoopback = AllowLoopback,
        AllowPrivateNetworks = AllowPrivateNetworks,
        AllowLinkLocal = AllowLinkLocal,
        AllowCloudMetadata = AllowCloudMetadata,
    };
}
