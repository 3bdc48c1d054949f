namespace Trellis.Server.Dashboard.Activity;

/// <summary>A running instance as the counters follow it: where it is, since when, and its experiment arms.</summary>
internal struct OpenInstance
{
    /// <summary>Index of the current step in its journey's counters; -1 before the first step.</summary>
    public int Step;

    public bool Holdout;

    /// <summary>The split arm taken at each split slot: 8 bits per slot, arm index + 1 (0: none yet).</summary>
    public ulong Arms;

    public long StepAtTicks;
}
