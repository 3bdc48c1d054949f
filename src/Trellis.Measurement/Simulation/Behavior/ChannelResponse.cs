using NodaTime;
using Trellis.Core.Journeys;

namespace Trellis.Measurement.Simulation.Behavior;

/// <summary>
/// How people respond to a message on a channel: delivered with <see cref="Deliver"/>; then opened with
/// <see cref="Open"/> after an exponential delay of mean <see cref="OpenDelay"/>; then clicked with
/// <see cref="Click"/> (a share of opens) after a further mean <see cref="ClickDelay"/>.
/// </summary>
public sealed record ChannelResponse(double Deliver, double Open, double Click, Duration OpenDelay, Duration ClickDelay)
{
    public static ChannelResponse DefaultFor(Channel channel) => channel switch
    {
        Channel.Email => new(0.98, 0.25, 0.15, Duration.FromHours(4), Duration.FromMinutes(10)),
        Channel.Sms => new(0.97, 0.85, 0.10, Duration.FromMinutes(20), Duration.FromMinutes(5)),
        Channel.Push => new(0.95, 0.10, 0.30, Duration.FromMinutes(30), Duration.FromMinutes(1)),
        Channel.InApp => new(1.0, 0.40, 0.20, Duration.FromHours(12), Duration.FromMinutes(2)),
        _ => new(1.0, 0, 0, Duration.FromHours(1), Duration.FromMinutes(1)),
    };
}
