namespace Trellis.Measurement.Simulation.Behavior;

/// <summary>
/// What a delivered message of a journey (optionally one step) makes a person do: perform <see cref="Event"/>
/// with <see cref="Probability"/>, or with <see cref="AfterClick"/> when they clicked, after <see cref="Delay"/>
/// (counted from the click when there was one). This is what makes the messaged arm differ from the holdout.
/// </summary>
public sealed record MessageResponse(string Journey, string? Step, string Event, double Probability, double AfterClick, DelayRange Delay, int Line);
