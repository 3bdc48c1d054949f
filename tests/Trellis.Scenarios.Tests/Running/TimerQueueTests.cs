using FsCheck;
using FsCheck.Fluent;
using Trellis.Core.Engine.State;
using Trellis.Runtime.Running;

namespace Trellis.Scenarios.Tests.Running;

/// <summary>
/// The bucketed timer queue against the obvious model: every live schedule is popped once, in (due, scheduling
/// order) order, stale schedules never; through reschedules, cancels, and advances that land inside buckets.
/// </summary>
public class TimerQueueTests
{
    private const long Minute = TimeSpan.TicksPerMinute;

    // An operation: kind 0–5 schedule (person, offset), 6 cancel (person), 7–9 advance (offset from the clock).
    private static readonly Gen<(int Kind, int Person, long Offset)> Operation =
        from kind in Gen.Choose(0, 9)
        from person in Gen.Choose(0, 7)
        from offset in Gen.OneOf(Gen.Choose(0, 5).Select(s => (long)s * TimeSpan.TicksPerSecond), Gen.Choose(0, 300).Select(m => m * Minute / 7))
        select (kind, person, offset);

    [Fact]
    public void Pops_every_live_schedule_once_in_due_then_scheduling_order() =>
        Prop.ForAll(Operation.ListOf(80).ToArbitrary(), operations =>
        {
            var slots = Enumerable.Range(0, 8).Select(i => new PersonSlot(new PersonState("p" + i)) { Index = i }).ToArray();
            var queue = new TimerQueue(slots);
            var model = new Dictionary<int, (long Ticks, long Seq)>();
            long seq = 0;
            long now = 0;
            var popped = new List<(int, long)>();
            var expected = new List<(int, long)>();
            foreach (var (kind, person, offset) in operations.Append((9, 0, 10_000 * Minute)))
            {
                if (kind <= 5)
                {
                    queue.Schedule(slots[person], now + offset);
                    model[person] = (now + offset, seq++);
                }
                else if (kind == 6)
                {
                    TimerQueue.Cancel(slots[person]);
                    model.Remove(person);
                }
                else
                {
                    var limit = now + offset;
                    while (queue.TryTakeDue(limit, out var slot, out var ticks))
                    {
                        popped.Add((Array.IndexOf(slots, slot), ticks));
                        now = Math.Max(now, ticks);
                    }

                    while (model.Where(kv => kv.Value.Ticks <= limit).OrderBy(kv => kv.Value.Ticks).ThenBy(kv => kv.Value.Seq)
                               .Select(kv => (KeyValuePair<int, (long Ticks, long Seq)>?)kv).FirstOrDefault() is { } next)
                    {
                        expected.Add((next.Key, next.Value.Ticks));
                        model.Remove(next.Key);
                    }

                    now = Math.Max(now, limit);
                }
            }

            return popped.SequenceEqual(expected) && queue.PeekTicks() is null;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Peek_sees_the_earliest_wake_even_in_a_later_bucket()
    {
        var slot = new PersonSlot(new PersonState("p"));
        var queue = new TimerQueue([slot]);
        Assert.Null(queue.PeekTicks());
        queue.Schedule(slot, 90 * Minute + 5);
        Assert.Equal(90 * Minute + 5, queue.PeekTicks());
        Assert.False(queue.TryTakeDue(90 * Minute + 4, out _, out _));
        Assert.True(queue.TryTakeDue(90 * Minute + 5, out var taken, out var ticks));
        Assert.Same(slot, taken);
        Assert.Equal(90 * Minute + 5, ticks);
        Assert.Null(slot.ScheduledWake);
    }
}
