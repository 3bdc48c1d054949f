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

        var now = check.Turn.Now;
        var from = now - arbitration.Window;
        Instant? latest = null;
        foreach (var packed in sends)
        {
            var s = PackedSends.Unpack(packed);
            if (s.Priority > check.Journey.Priority && s.At > from && s.At <= now)
            {
                latest = s.At;
            }
        }

        if (latest is not { } at)
        {
            return Verdict.Pass;
        }

        return arbitration.OnConflict == ConflictAction.Defer
            ? Verdict.Defer(SkipReasons.Arbitration, at + arbitration.Window)
            : Verdict.Skip(SkipReasons.Arbitration);
    }
}
