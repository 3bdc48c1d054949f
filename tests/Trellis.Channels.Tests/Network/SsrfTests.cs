using System.Net;
using Trellis.Channels.Network;
using Trellis.Channels.Tests.Support;
using Trellis.Channels.Webhooks;

namespace Trellis.Channels.Tests.Network;

/// <summary>
/// Webhook URLs come from templates: private, loopback, link-local and metadata targets are refused
/// before any connection is made, and the connection goes to the address that was checked.
/// </summary>
public sealed class SsrfTests
{
    private readonly ManualTimeProvider clock = new();
    private readonly CountingConnector connector = new();

    private (WebhookSender Sender, HttpClient Client) Sender(WebhookOptions options, IHostResolver resolver)
    {
        var guard = new NetworkTargetGuard(options.ToPolicy(), resolver);
        var client = SignedJsonPoster.CreateGuardedClient(guard, connector);
        return (new WebhookSender(new SignedJsonPoster(options, guard, client, clock)), client);
    }

    [Theory]
    [InlineData("http://10.0.0.1/hook")]
    [InlineData("http://192.168.1.1/hook")]
    [InlineData("http://172.16.0.5:8080/hook")]
    [InlineData("http://169.254.169.254/latest/meta-data/iam/security-credentials/")]
    [InlineData("http://[::1]/hook")]
    [InlineData("http://[fd00:ec2::254]/")]
    [InlineData("http://[fe80::1]/hook")]
    [InlineData("http://[::ffff:10.0.0.1]/hook")]
    [InlineData("http://127.0.0.1/hook")]
    [InlineData("http://localhost/hook")]
    [InlineData("http://api.localhost/hook")]
    [InlineData("http://0.0.0.0/hook")]
    public async Task Internal_targets_are_refused_without_any_connection_or_dns(string url)
    {
        var resolver = new ScriptedResolver([IPAddress.Parse("10.9.9.9")]);
        var (sender, client) = Sender(new WebhookOptions { RequireHttps = false, SigningSecret = "s" }, resolver);
        using var _ = client;

        var failed = Assert.IsType<DeliveryFailed>(await sender.SendAsync(Messages.Webhook(url), CancellationToken.None));

        Assert.Equal(FailureReason.RefusedTarget, failed.Reason);
        Assert.False(failed.IsTransient);
        Assert.Empty(connector.Connections);
        Assert.Equal(0, resolver.Calls); // literals and localhost are judged without asking DNS
    }

    [Fact]
    public async Task A_name_that_resolves_to_a_private_address_is_refused_without_connecting()
    {
        var resolver = new ScriptedResolver([IPAddress.Parse("93.184.216.34"), IPAddress.Parse("10.0.0.7")]);
        var (sender, client) = Sender(new WebhookOptions { SigningSecret = "s" }, resolver);
        using var _ = client;

        var failed = Assert.IsType<DeliveryFailed>(await sender.SendAsync(Messages.Webhook("https://hooks.customer.example/x"), CancellationToken.None));

        Assert.Equal(FailureReason.RefusedTarget, failed.Reason);
        Assert.Contains("10.0.0.7", failed.Detail);
        Assert.Empty(connector.Connections);
    }

    [Fact]
    public async Task A_name_that_does_not_resolve_is_a_transient_failure_not_a_verdict()
    {
        var (sender, client) = Sender(new WebhookOptions { SigningSecret = "s" }, new ScriptedResolver([[]]));
        using var _ = client;

        var failed = Assert.IsType<DeliveryFailed>(await sender.SendAsync(Messages.Webhook("https://gone.customer.example/x"), CancellationToken.None));

        Assert.Equal(FailureReason.ConnectionFailed, failed.Reason);
        Assert.Empty(connector.Connections);
    }

    [Fact]
    public async Task Plain_http_is_refused_by_default()
    {
        var (sender, client) = Sender(new WebhookOptions { SigningSecret = "s" }, new ScriptedResolver([IPAddress.Parse("93.184.216.34")]));
        using var _ = client;

        var failed = Assert.IsType<DeliveryFailed>(await sender.SendAsync(Messages.Webhook("http://hooks.customer.example/x"), CancellationToken.None));

        Assert.Equal(FailureReason.RefusedTarget, failed.Reason);
        Assert.Empty(connector.Connections);
    }

    [Fact]
    public async Task Dns_is_asked_once_and_the_connection_goes_to_the_checked_address_so_rebinding_cannot_redirect_it()
    {
        await using var server = await ScriptedHttpServer.StartAsync();
        server.Then(200, "{}");
        // First answer: loopback (allowed in this test). Any later answer: a private address.
        var resolver = new ScriptedResolver([IPAddress.Loopback], [IPAddress.Parse("10.0.0.1")]);
        var (sender, client) = Sender(new WebhookOptions { RequireHttps = false, AllowLoopback = true, SigningSecret = "s" }, resolver);
        using var _ = client;

        var result = await sender.SendAsync(Messages.Webhook($"http://rebind.example.test:{server.Port}/hook"), CancellationToken.None);

        Assert.IsType<Delivered>(result);
        Assert.Equal(1, resolver.Calls);
        var connection = Assert.Single(connector.Connections);
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, server.Port), connection);
        Assert.Equal($"rebind.example.test:{server.Port}", Assert.Single(server.Requests).Header("Host"));
    }

    [Fact]
    public async Task The_connect_step_refuses_on_its_own_when_a_request_skips_the_sender()
    {
        var guard = new NetworkTargetGuard(NetworkTargetPolicy.PublicOnly, new ScriptedResolver([IPAddress.Parse("192.168.1.1")]));
        using var client = new HttpClient(GuardedHttpHandler.Create(guard, connector));

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync("http://router.example.test/admin"));

        Assert.IsType<TargetRefusedException>(error.InnerException);
        Assert.Empty(connector.Connections);
    }

    [Theory]
    [InlineData("10.0.0.1", AddressCategory.Private)]
    [InlineData("172.31.255.255", AddressCategory.Private)]
    [InlineData("192.168.1.1", AddressCategory.Private)]
    [InlineData("100.64.0.1", AddressCategory.Private)]
    [InlineData("fd12:3456::1", AddressCategory.Private)]
    [InlineData("127.0.0.1", AddressCategory.Loopback)]
    [InlineData("127.8.9.10", AddressCategory.Loopback)]
    [InlineData("::1", AddressCategory.Loopback)]
    [InlineData("169.254.10.1", AddressCategory.LinkLocal)]
    [InlineData("fe80::1", AddressCategory.LinkLocal)]
    [InlineData("169.254.169.254", AddressCategory.CloudMetadata)]
    [InlineData("::ffff:169.254.169.254", AddressCategory.CloudMetadata)]
    [InlineData("fd00:ec2::254", AddressCategory.CloudMetadata)]
    [InlineData("0.0.0.0", AddressCategory.Reserved)]
    [InlineData("::", AddressCategory.Reserved)]
    [InlineData("224.0.0.1", AddressCategory.Reserved)]
    [InlineData("255.255.255.255", AddressCategory.Reserved)]
    [InlineData("64:ff9b::a00:1", AddressCategory.Private)]
    [InlineData("172.32.0.1", AddressCategory.Public)]
    [InlineData("93.184.216.34", AddressCategory.Public)]
    [InlineData("2606:4700::1111", AddressCategory.Public)]
    public void Addresses_are_classified(string address, AddressCategory expected) =>
        Assert.Equal(expected, AddressClassifier.Classify(IPAddress.Parse(address)));

    [Fact]
    public void Each_kind_of_internal_address_is_allowed_only_by_its_own_switch()
    {
        var loopbackOnly = new NetworkTargetPolicy { AllowLoopback = true };

        Assert.True(loopbackOnly.Permits(IPAddress.Loopback));
        Assert.True(loopbackOnly.Permits(IPAddress.IPv6Loopback));
        Assert.False(loopbackOnly.Permits(IPAddress.Parse("10.0.0.1")));
        Assert.False(new NetworkTargetPolicy { AllowLinkLocal = true }.Permits(IPAddress.Parse("169.254.169.254")));
        Assert.True(new NetworkTargetPolicy { AllowCloudMetadata = true }.Permits(IPAddress.Parse("169.254.169.254")));
        Assert.False(new NetworkTargetPolicy { AllowPrivateNetworks = true, AllowLoopback = true, AllowLinkLocal = true }.Permits(IPAddress.Parse("0.0.0.0")));
    }
}
