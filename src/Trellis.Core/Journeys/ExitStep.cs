namespace Trellis.Core.Journeys;

/// <summary><c>exit: reason</c>: ends the journey here with outcome <c>completed</c> and that reason.</summary>
public sealed class ExitStep(string id, SourceLocation location, string reason) : StepDefinition(id, location)
{
    public string Reason { get; } = reason;

    public override string Kind => "exit";

    public override bool FallsThrough => false;
}
