namespace Trellis.Core.Policies;

/// <summary>What a blocked send does: wait until it may go (<c>defer</c>) or give up and move on (<c>skip</c>).</summary>
public enum ConflictAction : byte
{
    Defer,
    Skip,
}
