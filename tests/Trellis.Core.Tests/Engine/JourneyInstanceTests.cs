using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Trellis.Core.Engine.State;

namespace Trellis.Core.Tests.Engine;

/// <summary>The instance packs its small fields into one word: each must keep its own value whatever the others hold.</summary>
public class JourneyInstanceTests
{
    [Fact]
    public void Packed_fields_are_independent() =>
        Prop.ForAll(
            (from j in Gen.Choose(0, JourneyInstance.MaxJourneyIndex)
             from s in Gen.Choose(0, JourneyInstance.MaxStepIndex)
             from n in Gen.Choose(int.MinValue, int.MaxValue)
             from r in Gen.Choose(0, 3)
             from f in Gen.Choose(0, 3)
             select (j, s, n, r, f)).ToArbitrary(),
            t =>
            {
                var (journey, step, number, reason, flags) = t;
                var i = new JourneyInstance { Journey = JourneyInstance.MaxJourneyIndex, Step = JourneyInstance.MaxStepIndex, Number = -1, Holdout = true, Ended = true };
                i.Reason = WakeReason.Deferred;
                i.Journey = journey;
                i.Step = step;
                i.Number = number;
                i.Reason = (WakeReason)reason;
                i.Holdout = (flags & 1) != 0;
                i.Ended = (flags & 2) != 0;
                return i.Journey == journey && i.Step == step && i.Number == number && i.Reason == (WakeReason)reason &&
                       i.Holdout == ((flags & 1) != 0) && i.Ended == ((flags & 2) != 0);
            }).QuickCheckThrowOnFailure();

    [Fact]
    public void Out_of_range_indices_are_refused_not_truncated()
    {
        var i = new JourneyInstance();
        Assert.Throws<ArgumentOutOfRangeException>(() => i.Journey = JourneyInstance.MaxJourneyIndex + 1);
        Assert.Throws<ArgumentOutOfRangeException>(() => i.Step = JourneyInstance.MaxStepIndex + 1);
        Assert.Throws<ArgumentOutOfRangeException>(() => i.Step = -1);
    }

    [Fact]
    public void Key_and_feedback_live_aside_until_needed()
    {
        var i = new JourneyInstance { EnteredAt = Instant.FromUtc(2026, 1, 1, 0, 0) };
        i.Key = null;
        Assert.Null(i.Rare);
        i.MarkOutcome(3, 10, StepOutcomeFlags.Sent);
        Assert.Null(i.Rare);
        Assert.Equal(StepOutcomeFlags.Sent, i.OutcomeOf(3));
        i.MarkOutcome(3, 10, StepOutcomeFlags.Opened);
        Assert.Equal(StepOutcomeFlags.Sent | StepOutcomeFlags.Opened, i.OutcomeOf(3));
        i.Key = "order-7";
        Assert.Equal("order-7", i.Key);
    }
}
