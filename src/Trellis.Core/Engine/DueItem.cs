using NodaTime;
using Trellis.Core.Engine.State;

namespace Trellis.Core.Engine;

/// <summary>
/// Something due in a wake: an instance's timer, or a date/schedule entry. Same-instant items run in time order
/// of the input that caused them, then by journey priority (higher first), then by age (SPEC §3).
/// </summary>
internal readonly record struct DueItem(Instant At, Instant Cause, int Priority, int Order, JourneyInstance? Instance, int Journey)
    : IComparable<DueItem>
{
    public int CompareTo(DueItem other)
    {
        var c = At.CompareTo(other.At);
        if (c != 0)
        {
            return c;
        }

        c = Cause.CompareTo(other.Cause);
        if (c != 0)
        {
            return c;
        }

        c = other.Priority.CompareTo(Priority);
        return c != 0 ? c : Order.CompareTo(other.Order);
    }
}
