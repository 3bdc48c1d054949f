namespace Trellis.Core.Engine.Decisions;

public enum VerdictKind : byte
{
    Pass,
    Skip,
    Defer,
}
