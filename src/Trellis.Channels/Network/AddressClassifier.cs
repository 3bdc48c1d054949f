using System.Net;
using System.Net.Sockets;

namespace Trellis.Channels.Network;

/// <summary>Sorts IP addresses into <see cref="AddressCategory"/>s.</summary>
public static class AddressClassifier
{
    private static readonly IPAddress[] CloudMetadataAddresses =
    [
        IPAddress.Parse("169.254.169.254"), // AWS, GCP, Azure, OpenStack…
        IPAddress.Parse("fd00:ec2::254"),   // AWS over IPv6
        IPAddress.Parse("100.100.100.200"), // Alibaba Cloud
    ];

    public static AddressCategory Classify(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        // An IPv4 address wrapped in IPv6 (::ffff:10.0.0.1) goes wherever its IPv4 address goes.
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (CloudMetadataAddresses.Any(m => m.Equals(address)))
        {
            return AddressCategory.CloudMetadata;
        }

        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => ClassifyV4(address.GetAddressBytes()),
            AddressFamily.InterNetworkV6 => ClassifyV6(address),
            _ => AddressCategory.Reserved,
        };
    }

    private static AddressCategory ClassifyV4(byte[] b) => b switch
    {
        [0, ..] => AddressCategory.Reserved,                                  // 0.0.0.0/8 ("this host")
        [127, ..] => AddressCategory.Loopback,                                // 127/8
        [10, ..] => AddressCategory.Private,                                  // 10/8
        [172, >= 16 and <= 31, ..] => AddressCategory.Private,                // 172.16/12
        [192, 168, ..] => AddressCategory.Private,                            // 192.168/16
        [100, >= 64 and <= 127, ..] => AddressCategory.Private,               // 100.64/10 carrier-grade NAT
        [169, 254, ..] => AddressCategory.LinkLocal,                          // 169.254/16
        [192, 0, 0, _] => AddressCategory.Reserved,                           // IETF protocol assignments
        [198, 18 or 19, ..] => AddressCategory.Reserved,                      // benchmarking
        [>= 224, ..] => AddressCategory.Reserved,                             // multicast, 240/4, broadcast
        _ => AddressCategory.Public,
    };

    private static AddressCategory ClassifyV6(IPAddress address)
    {
        if (address.Equals(IPAddress.IPv6Loopback))
        {
            return AddressCategory.Loopback;
        }

        if (address.Equals(IPAddress.IPv6None) || address.IsIPv6Multicast)
        {
            return AddressCategory.Reserved;
        }

        var b = address.GetAddressBytes();
        if (address.IsIPv6LinkLocal || address.IsIPv6SiteLocal)
        {
            return AddressCategory.LinkLocal;
        }

        if ((b[0] & 0xFE) == 0xFC)
        {
            return AddressCategory.Private; // fc00::/7 unique local
        }

        // NAT64 (64:ff9b::/96) and the deprecated IPv4-compatible form (::a.b.c.d) embed an IPv4
        // address that the network will reach: judge that one.
        if ((b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xFF && b[3] == 0x9B && b.Skip(4).Take(8).All(x => x == 0))
            || b.Take(12).All(x => x == 0))
        {
            return Classify(new IPAddress(b.AsSpan(12, 4)));
        }

        return AddressCategory.Public;
    }
}
