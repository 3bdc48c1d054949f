using NodaTime;
using Trellis.Core.Engine.Effects;
using Trellis.Core.Engine.Inputs;
using Trellis.Core.Engine.State;

namespace Trellis.Core.Engine;

/// <summary>
/// The journey engine: a deterministic function of (person state, input, now) to (new state, effects).
/// It reads no clock, does no I/O and starts no tasks; the shell feeds it inputs in order and wakes each
/// person at <see cref="NextWake"/>. Thread-safe for different people; one person is handled by one caller
/// at a time.
/// </summary>
public sealed class JourneyEngine(CompiledWorkspace workspace)
{
    /// <summary>One reusable turn per thread: a turn holds no state between calls (see <see cref="Turn.Reset"/>).</summary>
    [ThreadStatic]
    private static Turn? _turn;

    public CompiledWorkspace Workspace { get; } = workspace;

    /// <summary>Handles one input for one person at <paramref name="now"/>, appending the effects in order.</summary>
    public void Handle(PersonState person, EngineInput input, Instant now, List<Effect> effects) =>
        (_turn ??= new Turn()).Reset(Workspace, person, now, effects).Handle(input);

    /// <summary>When the person next needs a <see cref="WakeInput"/>; null when nothing is pending.</summary>
    public static Instant? NextWake(PersonState person)
    {
        Instant? next = person.Extras?.ConditionCheckAt;
        foreach (var instance in person.Instances)
        {
            if (instance.Reason != WakeReason.None && (next is null || instance.WakeAt < next))
            {
                next = instance.WakeAt;
            }
        }

        if (person.Extras?.TriggerDue is { } triggers)
        {
            foreach (var t in triggers)
            {
                if (t is { } at && (next is null || at < next))
                {
                    next = at;
                }
            }
        }

        return next;
    }
}
