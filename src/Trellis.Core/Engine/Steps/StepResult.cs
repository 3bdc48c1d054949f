namespace Trellis.Core.Engine.Steps;

/// <summary>What a step handler decided: go on, sleep, or the journey ended.</summary>
public readonly record struct StepResult(StepResultKind Kind, int Next)
{
    public static StepResult GoTo(int next) => new(StepResultKind.Continue, next);

    public static readonly StepResult Suspend = new(StepResultKind.Suspend, -1);

    public static readonly StepResult Ended = new(StepResultKind.Ended, -1);
}
