using System.Globalization;
using Trellis.Channels.Tests.Support;
using Trellis.Delivery.Tests.Support;
using Trellis.Storage;
using static Trellis.Delivery.Tests.Support.DeliveryServer;

namespace Trellis.Delivery.Tests.Dispatch;

/// <summary>The dispatcher's counters on /metrics, read over real HTTP after real sends.</summary>
public sealed class DeliveryMetricsTests(SmtpSink sink) : IClassFixture<SmtpSink>
{
    [Fact]
    public async Task Sent_and_failed_emails_and_the_smtp_pool_are_counted_by_channel_on_metrics()
    {
        await using var server = await StartAsync(TestContent.Email(), new Dictionary<string, string?>
        {
            ["Trellis:Smtp:Port"] = sink.Port.ToString(CultureInfo.InvariantCulture),
        });
        var before = await MetricsAsync(server);
        Assert.Contains("# TYPE trellis_delivery_messages_total counter", before);
        Assert.Equal(0, Value(before, "trellis_smtp_connections_opened_total"));

        await server.SendAsync(
            Identify("ok", new { email = "metrics.ok@example.test" }), Track("ok", "news_requested"),
            Identify("gone", new { email = "reject-metrics@example.test" }), Track("gone", "news_requested"));
        await server.WaitForOutboxAsync("ok", e => e.Status == OutboxStatus.Sent, "the sent email");
        await server.WaitForOutboxAsync("gone", e => e.Status == OutboxStatus.Failed, "the refused email");

        var after = await MetricsAsync(server);
        Assert.Equal(1, Value(after, "trellis_delivery_messages_total", "channel=\"email\",outcome=\"sent\""));
        Assert.Equal(1, Value(after, "trellis_delivery_messages_total", "channel=\"email\",outcome=\"failed\""));
        Assert.Null(ValueOrNull(after, "trellis_delivery_messages_total", "channel=\"email\",outcome=\"retried\""));
        Assert.Equal(2, Value(after, "trellis_smtp_connections_opened_total") + Value(after, "trellis_smtp_connections_reused_total"));
        Assert.Equal(0, Value(after, "trellis_smtp_connections_busy"));
        Assert.InRange(Value(after, "trellis_smtp_connections_idle"), 1, 2);
    }

    private static async Task<string> MetricsAsync(DeliveryServer server)
    {
        using var response = await server.Http.GetAsync("/metrics");
        response.EnsureSuccessStatusCode();
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.ToString());
        return await response.Content.ReadAsStringAsync();
    }

    private static double Value(string text, string name, string? labels = null) =>
        ValueOrNull(text, name, labels) ?? throw new Xunit.Sdk.XunitException($"no sample {name}{{{labels}}} in:\n{text}");

    private static double? ValueOrNull(string text, string name, string? labels = null)
    {
        var sample = labels is null ? name : $"{name}{{{labels}}}";
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith(sample + " ", StringComparison.Ordinal))
            {
                return double.Parse(line[(sample.Length + 1)..], CultureInfo.InvariantCulture);
            }
        }

        return null;
    }
}
