using NodaTime;
using Trellis.Content;
using Trellis.Core.Engine;
using Trellis.Core.Engine.Effects;
using Trellis.Core.Engine.Inputs;
using Trellis.Core.Engine.State;
using Trellis.Runtime.Persistence;

namespace Trellis.Scenarios.Tests.Persistence;

/// <summary>
/// A running instance holds its own entry time; the re-entry memory is written when it ends. These tests pin that
/// the limit still holds after the instance ends, through persistence, and when a republish drops the instance.
/// </summary>
public class ReentryMemoryTests
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 2, 9, 0);

    private const string Journey = """
        journey: j
        entry: {event: go, reentry: {after: 30d}}
        steps:
          - id: first
            wait: 1d
          - id: second
            wait: 1d
        """;

    [Fact]
    public void The_limit_counts_from_the_entry_after_the_instance_completed()
    {
        var engine = new JourneyEngine(Compile(Journey));
        var person = new PersonState("p");
        Assert.Equal(1, Enters(engine, person, T0));
        Handle(engine, person, WakeInput.Instance, T0 + Duration.FromDays(1));
        Handle(engine, person, WakeInput.Instance, T0 + Duration.FromDays(2)); // completes
        Assert.Equal(0, person.Instances.Count);
        person = PersonStateCodec.Decode("p", PersonStateCodec.Encode(person, engine.Workspace), engine.Workspace);
        Assert.Equal(0, Enters(engine, person, T0 + Duration.FromDays(29)));
        Assert.Equal(1, Enters(engine, person, T0 + Duration.FromDays(30)));
    }

    [Fact]
    public void An_instance_dropped_by_a_republish_still_counts_for_reentry()
    {
        var before = Compile(Journey);
        var engine = new JourneyEngine(before);
        var person = new PersonState("p");
        Assert.Equal(1, Enters(engine, person, T0));
        var bytes = PersonStateCodec.Encode(person, before);

        // The new version has no step 'first': the waiting instance cannot go on and is dropped on load.
        var after = Compile(Journey.Replace("id: first", "id: renamed"));
        var reloaded = PersonStateCodec.Decode("p", bytes, after);
        Assert.Equal(0, reloaded.Instances.Count);
        var republished = new JourneyEngine(after);
        Assert.Equal(0, Enters(republished, reloaded, T0 + Duration.FromDays(1)));
        Assert.Equal(1, Enters(republished, reloaded, T0 + Duration.FromDays(30)));
    }

    private static int Enters(JourneyEngine engine, PersonState person, Instant at) =>
        Handle(engine, person, new TrackInput("go", EventRecord.EmptyProperties), at).Count(e => e.Type == EffectType.Enter);

    private static List<Effect> Handle(JourneyEngine engine, PersonState person, EngineInput input, Instant at)
    {
        var effects = new List<Effect>();
        engine.Handle(person, input, at, effects);
        return effects;
    }

    private static CompiledWorkspace Compile(string journey)
    {
        var set = ContentLoader.LoadSources([new ContentSource("j.journey.yaml", journey)]);
        Assert.Empty(set.Diagnostics);
        return new CompiledWorkspace(set.ToWorkspace());
    }
}
