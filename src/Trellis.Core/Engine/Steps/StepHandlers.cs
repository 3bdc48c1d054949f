using Trellis.Core.Journeys;

namespace Trellis.Core.Engine.Steps;

/// <summary>The one handler for each step kind. A kind without a handler is a programming error (validation rejects unknown kinds).</summary>
internal static class StepHandlers
{
    private static readonly Dictionary<Type, IStepHandler> ByType = new()
    {
        [typeof(SendStep)] = new SendStepHandler(),
        [typeof(WaitStep)] = new WaitStepHandler(),
        [typeof(WaitForStep)] = new WaitForStepHandler(),
        [typeof(BranchStep)] = new BranchStepHandler(),
        [typeof(SplitStep)] = new SplitStepHandler(),
        [typeof(UpdateStep)] = new UpdateStepHandler(),
        [typeof(ExitStep)] = new ExitStepHandler(),
    };

    public static IStepHandler For(StepDefinition step) =>
        ByType.TryGetValue(step.GetType(), out var h)
            ? h
            : throw new InvalidOperationException($"no handler for step kind '{step.Kind}' ({step.GetType().Name})");
}
