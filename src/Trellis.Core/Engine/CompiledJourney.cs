using Trellis.Core.Engine.Steps;
using Trellis.Core.Journeys;

namespace Trellis.Core.Engine;

/// <summary>A journey prepared for the engine: its handler per step and its step index by id.</summary>
internal sealed class CompiledJourney
{
    public CompiledJourney(JourneyDefinition definition, int index)
    {
        // State packs journey and step indices into a few bits (JourneyInstance, PackedSends): refuse what would not fit.
        if (index > State.JourneyInstance.MaxJourneyIndex)
        {
            throw new ArgumentException($"a workspace holds at most {State.JourneyInstance.MaxJourneyIndex + 1} journeys", nameof(index));
        }

        if (definition.Steps.Count > State.JourneyInstance.MaxStepIndex + 1)
        {
            throw new ArgumentException($"journey {definition.Id} has {definition.Steps.Count} steps; a journey holds at most {State.JourneyInstance.MaxStepIndex + 1}", nameof(definition));
        }

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
