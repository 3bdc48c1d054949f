using Trellis.Core.Engine.Effects;

namespace Trellis.Core.Engine.Decisions;

/// <summary>Rule 3: inside the quiet period in the person's time zone, the chosen channel waits until it ends.</summary>
internal sealed class QuietHoursRule : ISendRule
{
    public Verdict Check(SendCheck check)
    {
        if (check.Turn.Policies.QuietHours is not { } quiet || !quiet.Channels.Contains(check.Channel))
        {
            return Verdict.Pass;
        }

        var zone = check.Turn.ZoneOf(quiet.DefaultTimeZone);
        return LocalTimes.QuietUntil(check.Turn.Now, zone, quiet.Start, quiet.End) is { } until
            ? Verdict.Defer(SkipReasons.QuietHours, until)
            : Verdict.Pass;
    }
}
