namespace Trellis.Core.Engine.Effects;

/// <summary>The trace line types of SPEC §5.</summary>
public enum EffectType : byte
{
    Enter,
    Step,
    Send,
    Skip,
    Defer,
    Goal,
    Exit,
}
