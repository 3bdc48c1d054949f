namespace Trellis.Runtime.Scenarios;

/// <summary>The result of checking a scenario's expectations: every mismatch, written for a person.</summary>
public sealed record ScenarioVerdict(string Name, string File, IReadOnlyList<string> Failures, int Sends)
{
    public bool Passed => Failures.Count == 0;
}
