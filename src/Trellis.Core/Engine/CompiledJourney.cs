using Trellis.Core.Engine.Steps;
using Trellis.Core.Journeys;

namespace Trellis.Core.Engine;

/// <summary>A journey prepared for the engine: its handler per step and its step index by id.</summary>
internal sealed class CompiledJourney
{
    public CompiledJourney(JourneyDefinition definition, int index)
    {
        Definition = definition;
        Index = index;
        Handlers = definition.Steps.Select(StepHandlers.For).ToArray();
        StepIndex = definition.Steps.ToDictionary(s => s.Id, s => s.Index, StringComparer.Ordinal);
        SplitWeights = definition.Steps
            .Select(s => s is SplitStep split ? split.Variants.Select(v => v.Weight).ToArray() : null)
            .ToArray();
    }

    public JourneyDefinition Definition { get; }

    public int Index { get; }

    public string Id => Definition.Id;

    public int Priority => Definition.Priority;

    public IStepHandler[] Handlers { get; }

    public IReadOnlyDictionary<string, int> StepIndex { get; }

    public double[]?[] SplitWeights { get; }
}
