namespace Trellis.Core.Engine.State;

/// <summary>Why an instance is asleep: what happens when its wake time comes.</summary>
public enum WakeReason : byte
{
    None,

    /// <summary>A <c>wait</c> step: go on to the next step.</summary>
    WaitOver,

    /// <summary>A <c>wait_for</c> step: its timeout passed.</summary>
    Timeout,

    /// <summary>A deferred <c>send</c>: decide again from rule 1.</summary>
    Deferred,
}
