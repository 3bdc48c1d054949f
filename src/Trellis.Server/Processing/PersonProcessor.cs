using Trellis.Storage;
using System.Text.Json;
using NodaTime;
using Trellis.Core.Engine;
using Trellis.Core.Engine.Effects;
using Trellis.Core.Engine.Inputs;
using Trellis.Core.Engine.State;
using Trellis.Core.Journeys;
using Trellis.Runtime.Persistence;
using Trellis.Runtime.Tracing;

namespace Trellis.Server.Processing;

/// <summary>
/// Runs the engine for one claimed person: timers due by now first (they were caused earlier), then the new
/// events in order, then anything due after them; and describes the result as one set of changes — new state,
/// next wake, outbox entries, trace — that the work unit commits in a single transaction with the events
/// marked processed. A crash before the commit leaves everything as it was, so the work is redone once.
/// </summary>
public sealed class PersonProcessor(SendComposer composer)
{
    private readonly List<Effect> _effects = [];

    public PersonChanges Process(ClaimedPerson claimed, WorkspaceRuntime runtime, Instant now, out int sends)
    {
        var workspace = runtime.Compiled;
        var engine = runtime.Engine;
        var person = claimed.State is { Length: > 0 } bytes
            ? PersonStateCodec.Decode(claimed.PersonId, bytes, workspace)
            : new PersonState(claimed.PersonId);
        _effects.Clear();

        foreach (var s in claimed.Suppressions)
        {
            if (ChannelNames.TryParse(s.Channel, out var channel) && !person.IsSuppressed(channel, s.Address))
            {
                engine.Handle(person, new SuppressInput(channel, s.Address, true), now, _effects);
            }
        }

        if (JourneyEngine.NextWake(person) is { } due && due <= now)
        {
            engine.Handle(person, WakeInput.Instance, now, _effects);
        }

        var processedThrough = claimed.ProcessedThrough;
        foreach (var stored in claimed.Events)
        {
            foreach (var input in StoredEventInputs.ToInputs(stored))
            {
                engine.Handle(person, input, now, _effects);
            }

            processedThrough = Math.Max(processedThrough, stored.Sequence);
        }

        if (JourneyEngine.NextWake(person) is { } after && after <= now)
        {
            engine.Handle(person, WakeInput.Instance, now, _effects);
        }

        var outbox = new List<OutboxMessage>();
        var trace = new List<TraceEntry>(_effects.Count);
        var workspaceId = claimed.Workspace.Value;
        foreach (var effect in _effects)
        {
            trace.Add(new TraceEntry(effect.At, TraceNames.Type(effect.Type), effect.Journey, effect.Step, TraceLine.ToJson(effect)));
            if (effect.Type == EffectType.Send)
            {
                var payload = composer.Compose(workspaceId, runtime, person, effect);
                var key = new SendKey(person.Id, $"{effect.Journey}#{effect.Instance}", effect.Step!, effect.At.ToUnixTimeMilliseconds());
                outbox.Add(new OutboxMessage(key, payload.Channel, OutboxPayloadJson.Serialize(payload), now));
            }
        }

        sends = outbox.Count;
        return new PersonChanges
        {
            Workspace = claimed.Workspace,
            PersonId = claimed.PersonId,
            State = PersonStateCodec.Encode(person, workspace),
            NextWakeAt = JourneyEngine.NextWake(person),
            ProcessedThrough = processedThrough,
            TraitsJson = ValueJson.ToJson(Core.Values.Value.Map(person.TraitsOrEmpty)),
            Outbox = outbox,
            Trace = trace,
        };
    }
}
