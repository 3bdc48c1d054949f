using Trellis.Core.Engine.Effects;

namespace Trellis.Runtime.Tracing;

/// <summary>The words of the trace format (SPEC §5).</summary>
public static class TraceNames
{
    public static string Type(EffectType type) => type switch
    {
        EffectType.Enter => "enter",
        EffectType.Step => "step",
        EffectType.Send => "send",
        EffectType.Skip => "skip",
        EffectType.Defer => "defer",
        EffectType.Goal => "goal",
        _ => "exit",
    };

    public static string Outcome(Outcome outcome) => outcome switch
    {
        Core.Engine.Effects.Outcome.Converted => "converted",
        Core.Engine.Effects.Outcome.Exited => "exited",
        Core.Engine.Effects.Outcome.Completed => "completed",
        _ => "",
    };

    public static bool TryParseOutcome(string text, out Outcome outcome)
    {
        outcome = text switch
        {
            "converted" => Core.Engine.Effects.Outcome.Converted,
            "exited" => Core.Engine.Effects.Outcome.Exited,
            "completed" => Core.Engine.Effects.Outcome.Completed,
            _ => Core.Engine.Effects.Outcome.None,
        };
        return outcome != Core.Engine.Effects.Outcome.None;
    }
}
