using NodaTime;
using Trellis.Core.Engine.Effects;
using Trellis.Core.Engine.Inputs;
using Trellis.Core.Values;
using Trellis.Measurement.Simulation.Behavior;
using Trellis.Measurement.Simulation.Planning;
using Trellis.Measurement.Simulation.Randomness;

namespace Trellis.Measurement.Simulation.Running;

/// <summary>
/// How a person answers a message: delivery, open and click from the channel's behaviour (counted), engagement
/// feedback for the engine when journeys read it, and the events the journey's responses make more likely.
/// Every draw comes from the person's own generator, in a fixed order.
/// </summary>
internal sealed class MessageResponder(SimulationPlan plan, PopulationTally tally, IPendingQueue queue, Instant start, Instant end)
{
    private static readonly Duration DeliveredAfter = Duration.FromMinutes(1);

    private readonly SimulationPlan _plan = plan;
    private readonly PopulationTally _tally = tally;
    private readonly IPendingQueue _queue = queue;
    private readonly Instant _start = start;
    private readonly Instant _end = end;
    private readonly ChannelResponse[] _channels = Enum.GetValues<Core.Journeys.Channel>().Select(plan.Model.ResponseOf).ToArray();

    /// <summary>A message went out: does it arrive, is it opened and clicked, and does it make the person act?</summary>
    public void Respond(int k, in Effect e, ref Xoshiro256StarStar rng)
    {
        var channel = (int)e.Channel!.Value;
        var response = _channels[channel];
        _tally.RecordSend(k, (int)((e.At - _start).BclCompatibleTicks / (NodaConstants.TicksPerDay * 7)), e.Marketing);
        var counts = _tally.Engagement;
        var slot = channel * PopulationTally.Engagements;
        counts[slot]++;
        if (!rng.Chance(response.Deliver))
        {
            return;
        }

        counts[slot + 1]++;
        Feedback(k, e, EngagementKind.Delivered, e.At + DeliveredAfter);
        var clicked = false;
        var clickAt = e.At;
        if (rng.Chance(response.Open))
        {
            counts[slot + 2]++;
            var openAt = e.At + Delay(response.OpenDelay, ref rng);
            Feedback(k, e, EngagementKind.Opened, openAt);
            if (rng.Chance(response.Click))
            {
                counts[slot + 3]++;
                clicked = true;
                clickAt = openAt + Delay(response.ClickDelay, ref rng);
                Feedback(k, e, EngagementKind.Clicked, clickAt);
            }
        }

        if (!_plan.ResponsesByJourney.TryGetValue(e.Journey, out var responses))
        {
            return;
        }

        foreach (var r in responses)
        {
            if ((r.Step is null || r.Step == e.Step) && rng.Chance(clicked ? r.AfterClick : r.Probability))
            {
                var when = clickAt + r.Delay.Next(ref rng);
                var props = EventProperties.Generate(_plan, r.Event, ref rng, _start, Value.Null, []);
                if (when <= _end)
                {
                    _queue.Schedule(k, PendingKind.Event, new ScheduledEvent(r.Event, props), when);
                }
            }
        }
    }

    /// <summary>Engagement goes to the engine only when a journey reads it (step("…").opened); it is counted either way.</summary>
    private void Feedback(int k, in Effect e, EngagementKind kind, Instant at)
    {
        if (_plan.FeedsEngagement && at <= _end)
        {
            _queue.Schedule(k, PendingKind.Engagement, new EngagementInput(e.Journey, e.Instance, e.Step!, kind), at);
        }
    }

    private static Duration Delay(Duration mean, ref Xoshiro256StarStar rng) =>
        Duration.FromTicks((long)(mean.BclCompatibleTicks * -Math.Log(rng.NextOpenDouble())));
}
