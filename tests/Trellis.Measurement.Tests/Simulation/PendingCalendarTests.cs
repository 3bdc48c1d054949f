using Trellis.Measurement.Simulation.Randomness;
using Trellis.Measurement.Simulation.Running;

namespace Trellis.Measurement.Tests.Simulation;

/// <summary>
/// The calendar must hand out items in exactly the order one big priority queue would (the simulation's results
/// depend on that order), however items are interleaved: inserts behind, inside and far ahead of the current bucket.
/// </summary>
public class PendingCalendarTests
{
    private const int SeqBits = 34;

    [Fact]
    public void Items_come_out_in_key_order_like_a_priority_queue()
    {
        var calendar = new PendingCalendar(lastSecond: 100_000, SeqBits);
        var reference = new PriorityQueue<PendingItem, long>();
        var rng = new Xoshiro256StarStar(42);
        long seq = 0;
        long now = 0;
        var taken = 0;
        for (var i = 0; i < 20_000; i++)
        {
            Add(rng.NextInt(300));
        }

        while (reference.Count > 0)
        {
            Assert.True(calendar.TryPeek(out var item, out var key));
            Assert.True(reference.TryDequeue(out var expected, out var expectedKey));
            Assert.Equal(expectedKey, key);
            Assert.Equal(expected, item);
            calendar.Dequeue();
            now = key >> SeqBits;
            taken++;
            // Like the simulation: new items at or after the current second, some in the same second, some days ahead.
            var roll = rng.NextInt(10);
            if (roll < 6 && taken < 60_000)
            {
                Add(now + (roll == 0 ? 0 : rng.NextInt(roll < 3 ? 64 : 5_000)));
            }
        }

        Assert.False(calendar.TryPeek(out _, out _));
        Assert.Equal(0, calendar.Count);

        void Add(long second)
        {
            var key = (second << SeqBits) | seq;
            var item = new PendingItem((int)(seq % 1000), PendingKind.Arrival, null);
            seq++;
            calendar.Enqueue(item, key);
            reference.Enqueue(item, key);
        }
    }

    [Fact]
    public void Items_before_the_current_bucket_and_after_the_last_still_come_out_in_order()
    {
        var calendar = new PendingCalendar(lastSecond: 1_000, SeqBits);
        calendar.Enqueue(new PendingItem(1, PendingKind.Event, null), (500L << SeqBits) | 0);
        Assert.True(calendar.TryPeek(out var first, out _));
        Assert.Equal(1, first.Person);

        // Behind the bucket being served, and far past the calendar's end (both must still be ordered by key).
        calendar.Enqueue(new PendingItem(2, PendingKind.Event, null), (10L << SeqBits) | 1);
        calendar.Enqueue(new PendingItem(4, PendingKind.Event, null), (90_000L << SeqBits) | 2);
        calendar.Enqueue(new PendingItem(3, PendingKind.Event, null), (5_000L << SeqBits) | 3);
        var order = new List<int>();
        while (calendar.TryPeek(out var item, out _))
        {
            order.Add(item.Person);
            calendar.Dequeue();
        }

        Assert.Equal([2, 1, 3, 4], order);
    }

    [Fact]
    public void A_negative_last_second_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PendingCalendar(-1, SeqBits));
    }
}
