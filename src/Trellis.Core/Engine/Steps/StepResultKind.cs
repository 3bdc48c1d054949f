namespace Trellis.Core.Engine.Steps;

public enum StepResultKind : byte
{
    /// <summary>Move on at once to <see cref="StepResult.Next"/> (-1: past the last step).</summary>
    Continue,

    /// <summary>The instance sleeps; its wake time and reason are set.</summary>
    Suspend,

    /// <summary>The instance ended (an exit step).</summary>
    Ended,
}
