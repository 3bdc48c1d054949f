using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Trellis.Core.Engine.Decisions;
using Trellis.Core.Engine.State;
using Trellis.Core.Journeys;
using Trellis.Core.Policies;

namespace Trellis.Core.Tests.Engine;

public class FrequencyCapTests
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 1, 1, 0, 0);

    /// <summary>Simulates a sender that tries at random moments and obeys the cap (deferring to the slot it is given).</summary>
    [Fact]
    public void A_cap_is_never_exceeded_in_any_sliding_window() =>
        Prop.ForAll(
            Gen.Choose(1, 5).ToArbitrary(),
            Gen.Choose(1, 72).ToArbitrary(),
            Gen.Choose(0, 10_000).ListOf(60).ToArbitrary(),
            (max, perHours, offsetsMinutes) =>
            {
                var cap = new FrequencyCap(null, max, Duration.FromHours(perHours));
                ulong[]? log = null;
                var sent = new List<Instant>();
                foreach (var minute in offsetsMinutes.OrderBy(m => m))
                {
                    var now = T0 + Duration.FromMinutes(minute);
                    if (sent.Count > 0 && now < sent[^1])
                    {
                        now = sent[^1];
                    }

                    if (FrequencyCapRule.SlotFreesAt(log, cap, now) is { } free)
                    {
                        if (free <= now)
                        {
                            return false; // a "free" slot must be in the future
                        }

                        now = free;
                        if (FrequencyCapRule.SlotFreesAt(log, cap, now) is not null)
                        {
                            return false; // at the promised moment the slot really is free
                        }
                    }

                    log = PackedSends.Add(log, new SendRecord(now, 10, 0, Channel.Email, true));
                    sent.Add(now);
                }

                // Every window (t - per, t] ending at a send holds at most max sends.
                return sent.All(t => sent.Count(s => s > t - cap.Per && s <= t) <= max);
            }).QuickCheckThrowOnFailure();

    [Fact]
    public void The_window_is_half_open()
    {
        var cap = new FrequencyCap(null, 1, Duration.FromDays(1));
        ulong[]? log = null;
        log = PackedSends.Add(log, new SendRecord(T0, 10, 0, Channel.Email, true));
        Assert.Equal(T0 + Duration.FromDays(1), FrequencyCapRule.SlotFreesAt(log, cap, T0 + Duration.FromHours(23)));
        Assert.Null(FrequencyCapRule.SlotFreesAt(log, cap, T0 + Duration.FromDays(1)));
    }

    [Fact]
    public void Transactional_and_other_channel_sends_do_not_count()
    {
        var cap = new FrequencyCap(Channel.Sms, 1, Duration.FromDays(1));
        ulong[]? log = null;
        log = PackedSends.Add(log, new SendRecord(T0, 10, 0, Channel.Email, true));
        log = PackedSends.Add(log, new SendRecord(T0, 10, 0, Channel.Sms, false));
        Assert.Null(FrequencyCapRule.SlotFreesAt(log, cap, T0 + Duration.FromHours(1)));
    }
}
