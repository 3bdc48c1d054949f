using NodaTime;
using Trellis.Core.Engine.Effects;
using Trellis.Core.Engine.State;
using Trellis.Core.Policies;

namespace Trellis.Core.Engine.Decisions;

/// <summary>
/// Rule 4: a send from a journey of strictly higher priority to this person in (now − window, now] blocks
/// this one: defer until that send + window (the latest such send), or skip.
/// </summary>
internal sealed class ArbitrationRule : ISendRule
{
    public Verdict Check(SendCheck check)
    {
        if (check.Turn.Policies.Arbitration is not { } arbitration || check.Turn.Person.SendLog is not { } sends)
        {
            return Verdict.Pass;
        }

        var nowMs = check.Turn.Now.ToUnixTimeMilliseconds();
        var fromMs = (check.Turn.Now - arbitration.Window).ToUnixTimeMilliseconds();
        var latest = long.MinValue;
        foreach (var packed in sends)
        {
            var ms = PackedSends.Millis(packed);
            if (PackedSends.Priority(packed) > check.Journey.Priority && ms > fromMs && ms <= nowMs)
            {
                latest = Math.Max(latest, ms);
            }
        }

        if (latest == long.MinValue)
        {
            return Verdict.Pass;
        }

        var at = Instant.FromUnixTimeMilliseconds(latest);

        return arbitration.OnConflict == ConflictAction.Defer
            ? Verdict.Defer(SkipReasons.Arbitration, at + arbitration.Window)
            : Verdict.Skip(SkipReasons.Arbitration);
    }
}
