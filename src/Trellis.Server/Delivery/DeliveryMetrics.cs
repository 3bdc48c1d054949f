using System.Text;
using Trellis.Channels.Email.Smtp;
using Trellis.Server.Health;

namespace Trellis.Server.Delivery;

/// <summary>
/// The dispatcher's counters on /metrics: messages by channel and outcome, lost leases, and the SMTP session
/// pool (sessions opened, reused and closed; busy and idle now). Read at scrape time from
/// <see cref="DeliveryStats"/> and <see cref="SmtpPoolStats"/>.
/// </summary>
public sealed class DeliveryMetrics(DeliveryStats stats, SmtpPoolStats smtp) : IExposedMetric
{
    public string Name => "trellis_delivery_messages_total";

    public void WriteTo(StringBuilder output)
    {
        ArgumentNullException.ThrowIfNull(output);
        PrometheusText.Header(output, Name, "counter", "Outbox deliveries by channel and outcome (sent, retried, failed, cancelled).");
        foreach (var (channel, outcome, count) in stats.ByChannel)
        {
            PrometheusText.Sample(output, Name, $"{PrometheusText.Label("channel", channel)},{PrometheusText.Label("outcome", outcome)}", count);
        }

        Single(output, "trellis_delivery_lost_leases_total", "counter", "Outcomes not recorded because the lease had passed to another dispatcher.", stats.LostLeases);
        Single(output, "trellis_smtp_connections_opened_total", "counter", "SMTP sessions opened (connect, EHLO, STARTTLS, AUTH).", smtp.Opened);
        Single(output, "trellis_smtp_connections_reused_total", "counter", "Messages sent on an already open pooled SMTP session.", smtp.Reused);
        Single(output, "trellis_smtp_connections_closed_total", "counter", "SMTP sessions closed (idle, retired, broken, reconfigured).", smtp.Closed);
        Single(output, "trellis_smtp_connections_busy", "gauge", "SMTP sessions carrying a message now.", smtp.Busy);
        Single(output, "trellis_smtp_connections_idle", "gauge", "SMTP sessions open and waiting in the pool now.", smtp.Idle);
    }

    private static void Single(StringBuilder output, string name, string type, string help, double value)
    {
        PrometheusText.Header(output, name, type, help);
        PrometheusText.Sample(output, name, null, value);
    }
}
