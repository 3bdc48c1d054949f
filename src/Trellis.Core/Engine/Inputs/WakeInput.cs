namespace Trellis.Core.Engine.Inputs;

/// <summary>Time passed: handle everything due at or before now (waits, timeouts, deferrals, time-based rules).</summary>
public sealed class WakeInput : EngineInput
{
    public static readonly WakeInput Instance = new();

    private WakeInput()
    {
    }
}
