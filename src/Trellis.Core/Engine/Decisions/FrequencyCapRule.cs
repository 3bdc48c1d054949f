using NodaTime;
using Trellis.Core.Engine.Effects;
using Trellis.Core.Engine.State;
using Trellis.Core.Policies;

namespace Trellis.Core.Engine.Decisions;

/// <summary>
/// Rule 5 (marketing only): a cap counts the marketing sends on its channel (or any) in (now − per, now]. When one
/// is full: skip, or defer until enough of the counted sends have aged out for a slot to free.
/// </summary>
internal sealed class FrequencyCapRule : ISendRule
{
    public Verdict Check(SendCheck check)
    {
        var policies = check.Turn.Policies;
        if (!check.Marketing || policies.FrequencyCaps.Count == 0)
        {
            return Verdict.Pass;
        }

        Instant? freeAt = null;
        var caps = policies.FrequencyCaps;
        for (var i = 0; i < caps.Count; i++) // indexed: a foreach over the interface would box its enumerator
        {
            var cap = caps[i];
            if (cap.Channel is { } c && c != check.Channel)
            {
                continue;
            }

            if (SlotFreesAt(check.Turn.Person.SendLog, cap, check.Turn.Now) is { } t)
            {
                freeAt = freeAt is { } f ? Instant.Max(f, t) : t;
            }
        }

        if (freeAt is not { } until)
        {
            return Verdict.Pass;
        }

        return policies.OnCap == ConflictAction.Defer
            ? Verdict.Defer(SkipReasons.FrequencyCap, until)
            : Verdict.Skip(SkipReasons.FrequencyCap);
    }

    /// <summary>Null when the cap has room now; else the instant at which the count drops below the maximum.</summary>
    internal static Instant? SlotFreesAt(ulong[]? sends, FrequencyCap cap, Instant now)
    {
        if (sends is null)
        {
            return cap.Max <= 0 ? Instant.MaxValue : null;
        }

        // Compared as packed milliseconds: this runs for every marketing send of every person.
        var nowMs = now.ToUnixTimeMilliseconds();
        var fromMs = (now - cap.Per).ToUnixTimeMilliseconds();
        var count = 0;
        foreach (var packed in sends)
        {
            if (Counts(packed, cap, fromMs, nowMs))
            {
                count++;
            }
        }

        if (count < cap.Max)
        {
            return null;
        }

        // The (count - max + 1)-th oldest counted send must age out: it leaves the window at its time + per.
        var needed = count - cap.Max;
        foreach (var packed in sends)
        {
            if (Counts(packed, cap, fromMs, nowMs) && needed-- == 0)
            {
                return Instant.FromUnixTimeMilliseconds(PackedSends.Millis(packed)) + cap.Per;
            }
        }

        return Instant.MaxValue;
    }

    private static bool Counts(ulong packed, FrequencyCap cap, long fromMs, long nowMs)
    {
        var at = PackedSends.Millis(packed);
        return PackedSends.IsMarketing(packed) && at > fromMs && at <= nowMs &&
               (cap.Channel is not { } c || c == PackedSends.ChannelOf(packed));
    }
}
