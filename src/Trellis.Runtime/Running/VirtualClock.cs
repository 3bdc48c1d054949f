namespace Trellis.Runtime.Running;

/// <summary>A <see cref="TimeProvider"/> whose time moves only when told: scenarios, simulations and tests.</summary>
public sealed class VirtualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void AdvanceTo(DateTimeOffset t)
    {
        if (t < _now)
        {
            throw new ArgumentOutOfRangeException(nameof(t), "a virtual clock does not go backwards");
        }

        _now = t;
    }

    public void Advance(TimeSpan by) => AdvanceTo(_now + by);
}
