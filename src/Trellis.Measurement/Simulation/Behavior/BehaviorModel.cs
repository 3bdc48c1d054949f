using NodaTime;
using Trellis.Core.Journeys;

namespace Trellis.Measurement.Simulation.Behavior;

/// <summary>The behaviour model of a simulation: the population (personas, addresses, zones, consent) and how people act.</summary>
public sealed record BehaviorModel
{
    /// <summary>Where the model came from (a file path as given, or <c>default</c>).</summary>
    public required string Source { get; init; }

    public Instant Start { get; init; } = Instant.FromUtc(2026, 3, 2, 0, 0);

    /// <summary>Per person-day rate of events that journeys react to but the model does not define (0: leave them out).</summary>
    public double DefaultEventRate { get; init; } = 0.02;

    public required PickGenerator Timezones { get; init; }

    /// <summary>Share of people reachable on a channel (who have the address trait).</summary>
    public required IReadOnlyDictionary<Channel, double> Reachability { get; init; }

    public required IReadOnlyList<ConsentRule> Consent { get; init; }

    public required IReadOnlyList<PersonaModel> Personas { get; init; }

    public required IReadOnlyDictionary<string, EventModel> Events { get; init; }

    public required IReadOnlyDictionary<Channel, ChannelResponse> Channels { get; init; }

    public required IReadOnlyList<MessageResponse> Responses { get; init; }

    public ChannelResponse ResponseOf(Channel channel) => Channels.TryGetValue(channel, out var r) ? r : ChannelResponse.DefaultFor(channel);
}
