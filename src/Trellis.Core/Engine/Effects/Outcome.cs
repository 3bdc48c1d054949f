namespace Trellis.Core.Engine.Effects;

/// <summary>How a journey instance ended.</summary>
public enum Outcome : byte
{
    None,
    Converted,
    Exited,
    Completed,
}
