namespace Trellis.Core.Engine.State;

/// <summary>The parts of a journey instance that most instances never need, kept aside to keep the common instance small.</summary>
public sealed class InstanceExtras
{
    /// <summary>The entry key of a keyed journey's instance.</summary>
    public string? Key { get; set; }

    /// <summary>Delivered/opened/clicked per step index, allocated on the first feedback.</summary>
    public StepOutcomeFlags[]? Feedback { get; set; }
}
