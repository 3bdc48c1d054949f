using NodaTime;
using Trellis.Core.Engine;
using Trellis.Core.Engine.State;
using Trellis.Core.Journeys;
using Trellis.Core.Values;

namespace Trellis.Runtime.Persistence;

/// <summary>
/// The durable form of a person's engine state. Journeys and steps are stored by id, not by index, so state
/// survives a republished workspace: instances of journeys (or at steps) that no longer exist are dropped,
/// and everything else maps onto the new indices. Version byte first, for upgrades.
/// </summary>
public static class PersonStateCodec
{
    private const byte Version = 1;

    /// <summary>Journey index used for sends of journeys that no longer exist (only their priority still matters).</summary>
    private const short UnknownJourney = 0x7FF;

    public static byte[] Encode(PersonState person, CompiledWorkspace workspace)
    {
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream))
        {
            w.Write(Version);
            w.Write(person.NextInstanceNumber);
            WriteTraits(w, person.Traits);
            WriteInstances(w, person, workspace);
            WriteSends(w, person.SendLog, workspace);
            WriteEntries(w, person, workspace);
            WriteHistory(w, person.History);
            WriteExtras(w, person.Extras, workspace);
        }

        return stream.ToArray();
    }

    public static PersonState Decode(string personId, byte[] data, CompiledWorkspace workspace)
    {
        using var r = new BinaryReader(new MemoryStream(data));
        var version = r.ReadByte();
        if (version != Version)
        {
            throw new InvalidDataException($"person state version {version} is not supported (expected {Version})");
        }

        var person = new PersonState(personId) { NextInstanceNumber = r.ReadInt32() };
        person.Traits = ReadTraits(r);
        var dropped = new List<(int Journey, JourneyInstance Instance)>();
        ReadInstances(r, person, workspace, dropped);
        person.SendLog = ReadSends(r, workspace);
        ReadEntries(r, person, workspace);
        foreach (var (journey, instance) in dropped)
        {
            person.RememberEntry(journey, instance.Key, instance.EnteredAt); // after the stored entries: the dropped instance is newer
        }

        person.History = ReadHistory(r);
        ReadExtras(r, workspace, person);
        return person;
    }

    private static void WriteTraits(BinaryWriter w, Dictionary<string, Value>? traits)
    {
        w.Write(traits is not null);
        if (traits is not null)
        {
            ValueCodec.WriteMap(w, traits);
        }
    }

    private static Dictionary<string, Value>? ReadTraits(BinaryReader r) => r.ReadBoolean() ? ValueCodec.ReadMap(r) : null;

    private static void WriteInstances(BinaryWriter w, PersonState person, CompiledWorkspace workspace)
    {
        var instances = person.Instances;
        w.Write(instances.Count);
        foreach (var i in instances)
        {
            var journey = workspace.Workspace.Journeys[i.Journey];
            w.Write(journey.Id);
            w.Write(journey.Steps[i.Step].Id);
            w.Write(i.Number);
            w.Write(i.EnteredAt.ToUnixTimeTicks());
            w.Write(i.WakeAt.ToUnixTimeTicks());
            w.Write(i.CauseAt.ToUnixTimeTicks());
            w.Write((byte)i.Reason);
            w.Write(i.Holdout);
            WriteOptional(w, i.Key);
            w.Write(i.EnterEvent is not null);
            if (i.EnterEvent is { } e)
            {
                w.Write(e.Name);
                ValueCodec.Write(w, e.Properties);
            }

            // Step outcomes by step id, so that they follow the steps through a republish.
            var outcomes = journey.Steps.Select(s => (s.Id, Flags: i.OutcomeOf(s.Index))).Where(o => o.Flags != 0).ToList();
            w.Write(outcomes.Count);
            foreach (var (id, flags) in outcomes)
            {
                w.Write(id);
                w.Write((byte)flags);
            }
        }
    }

    private static void ReadInstances(BinaryReader r, PersonState person, CompiledWorkspace workspace, List<(int Journey, JourneyInstance Instance)> dropped)
    {
        var n = r.ReadInt32();
        for (var k = 0; k < n; k++)
        {
            var journeyId = r.ReadString();
            var stepId = r.ReadString();
            var instance = new JourneyInstance
            {
                Number = r.ReadInt32(),
                EnteredAt = Instant.FromUnixTimeTicks(r.ReadInt64()),
                WakeAt = Instant.FromUnixTimeTicks(r.ReadInt64()),
                CauseAt = Instant.FromUnixTimeTicks(r.ReadInt64()),
                Reason = (WakeReason)r.ReadByte(),
                Holdout = r.ReadBoolean(),
                Key = ReadOptional(r),
            };
            if (r.ReadBoolean())
            {
                var name = r.ReadString();
                instance.EnterEvent = new EventRecord(name, ValueCodec.Read(r));
            }

            var outcomes = new List<(string Step, StepOutcomeFlags Flags)>();
            var count = r.ReadInt32();
            for (var o = 0; o < count; o++)
            {
                outcomes.Add((r.ReadString(), (StepOutcomeFlags)r.ReadByte()));
            }

            var journeyIndex = workspace.IndexOf(journeyId);
            var journey = journeyIndex < 0 ? null : workspace.Workspace.Journeys[journeyIndex];
            if (journey?.FindStep(stepId) is not { } step)
            {
                // The journey or its step was removed: the instance cannot go on. When the journey is still there,
                // its entry still counts for re-entry (a running instance holds its entry time until it ends).
                if (journey is not null && journey.Entry.Reentry.Mode != ReentryMode.Always)
                {
                    dropped.Add((journeyIndex, instance));
                }

                continue;
            }

            instance.Journey = journeyIndex;
            instance.Step = step.Index;
            foreach (var (id, flags) in outcomes)
            {
                if (journey.FindStep(id) is { } s)
                {
                    foreach (var flag in new[] { StepOutcomeFlags.Sent, StepOutcomeFlags.Delivered, StepOutcomeFlags.Opened, StepOutcomeFlags.Clicked })
                    {
                        if ((flags & flag) != 0)
                        {
                            instance.MarkOutcome(s.Index, journey.Steps.Count, flag);
                        }
                    }
                }
            }

            person.AddInstance(instance);
        }
    }

    private static void WriteSends(BinaryWriter w, ulong[]? log, CompiledWorkspace workspace)
    {
        var sends = log ?? [];
        w.Write(sends.Length);
        foreach (var packed in sends)
        {
            var s = PackedSends.Unpack(packed);
            w.Write(s.At.ToUnixTimeMilliseconds());
            w.Write(s.Journey >= 0 && s.Journey < workspace.Workspace.Journeys.Count ? workspace.Workspace.Journeys[s.Journey].Id : "");
            w.Write((byte)s.Priority);
            w.Write((byte)s.Channel);
            w.Write(s.Marketing);
        }
    }

    private static ulong[]? ReadSends(BinaryReader r, CompiledWorkspace workspace)
    {
        var n = r.ReadInt32();
        ulong[]? log = null;
        for (var i = 0; i < n; i++)
        {
            var at = Instant.FromUnixTimeMilliseconds(r.ReadInt64());
            var index = workspace.IndexOf(r.ReadString());
            var record = new SendRecord(at, r.ReadByte(), index < 0 ? UnknownJourney : (short)index, (Channel)r.ReadByte(), r.ReadBoolean());
            log = PackedSends.Add(log, record);
        }

        return log;
    }

    private static void WriteEntries(BinaryWriter w, PersonState person, CompiledWorkspace workspace)
    {
        var journeys = workspace.Workspace.Journeys;
        var unkeyed = journeys.Select((j, i) => (j.Id, At: PackedEntries.Find(person.Entries, i))).Where(e => e.At is not null).ToList();
        w.Write(unkeyed.Count);
        foreach (var (id, at) in unkeyed)
        {
            w.Write(id);
            w.Write(at!.Value.ToUnixTimeMilliseconds());
        }

        var keyed = person.Extras?.KeyedEntries ?? [];
        w.Write(keyed.Count);
        foreach (var e in keyed)
        {
            w.Write(journeys[e.Journey].Id);
            w.Write(e.Key ?? "");
            w.Write(e.At.ToUnixTimeTicks());
        }
    }

    private static void ReadEntries(BinaryReader r, PersonState person, CompiledWorkspace workspace)
    {
        var n = r.ReadInt32();
        for (var i = 0; i < n; i++)
        {
            var index = workspace.IndexOf(r.ReadString());
            var at = Instant.FromUnixTimeMilliseconds(r.ReadInt64());
            if (index >= 0)
            {
                person.Entries = PackedEntries.Set(person.Entries, index, at);
            }
        }

        var k = r.ReadInt32();
        for (var i = 0; i < k; i++)
        {
            var index = workspace.IndexOf(r.ReadString());
            var key = r.ReadString();
            var at = Instant.FromUnixTimeTicks(r.ReadInt64());
            if (index >= 0)
            {
                (person.EnsureExtras().KeyedEntries ??= []).Add(new EntryRecord(index, key, at));
            }
        }
    }

    private static void WriteHistory(BinaryWriter w, EventHistory? history)
    {
        var series = history?.All ?? [];
        w.Write(series.Count);
        foreach (var s in series)
        {
            w.Write(s.Name);
            var ticks = s.Ticks;
            w.Write(ticks.Length);
            foreach (var t in ticks)
            {
                w.Write(t);
            }

            ValueCodec.Write(w, s.LastProperties);
        }
    }

    private static EventHistory? ReadHistory(BinaryReader r)
    {
        var n = r.ReadInt32();
        if (n == 0)
        {
            return null;
        }

        var history = new EventHistory();
        for (var i = 0; i < n; i++)
        {
            var name = r.ReadString();
            var ticks = new long[r.ReadInt32()];
            for (var t = 0; t < ticks.Length; t++)
            {
                ticks[t] = r.ReadInt64();
            }

            var last = ValueCodec.Read(r);
            for (var t = 0; t < ticks.Length; t++)
            {
                history.Add(name, Instant.FromUnixTimeTicks(ticks[t]), t == ticks.Length - 1 ? last : Value.Null);
            }
        }

        return history;
    }

    private static void WriteExtras(BinaryWriter w, PersonExtras? extras, CompiledWorkspace workspace)
    {
        w.Write(extras is not null);
        if (extras is null)
        {
            return;
        }

        var suppressed = extras.Suppressed ?? [];
        w.Write(suppressed.Count);
        foreach (var s in suppressed.Order(StringComparer.Ordinal))
        {
            w.Write(s);
        }

        var journeys = workspace.Workspace.Journeys;
        var segments = extras.SegmentValues ?? [];
        w.Write(segments.Length);
        for (var i = 0; i < segments.Length; i++)
        {
            w.Write(journeys[i].Id);
            w.Write(segments[i]);
        }

        w.Write(extras.ConditionCheckAt?.ToUnixTimeTicks() ?? long.MinValue);
        var triggers = extras.TriggerDue ?? [];
        w.Write(triggers.Length);
        for (var i = 0; i < triggers.Length; i++)
        {
            w.Write(journeys[i].Id);
            w.Write(triggers[i]?.ToUnixTimeTicks() ?? long.MinValue);
        }

        w.Write(extras.TriggersArmed);
    }

    /// <summary>Reads the extras into the person (keyed entries may already have created them).</summary>
    private static void ReadExtras(BinaryReader r, CompiledWorkspace workspace, PersonState person)
    {
        if (!r.ReadBoolean())
        {
            return;
        }

        var extras = person.EnsureExtras();
        var n = r.ReadInt32();
        for (var i = 0; i < n; i++)
        {
            (extras.Suppressed ??= new HashSet<string>(StringComparer.Ordinal)).Add(r.ReadString());
        }

        var count = workspace.Workspace.Journeys.Count;
        var segments = r.ReadInt32();
        for (var i = 0; i < segments; i++)
        {
            var index = workspace.IndexOf(r.ReadString());
            var value = r.ReadBoolean();
            if (index >= 0)
            {
                (extras.SegmentValues ??= new bool[count])[index] = value;
            }
        }

        var check = r.ReadInt64();
        extras.ConditionCheckAt = check == long.MinValue ? null : Instant.FromUnixTimeTicks(check);
        var triggers = r.ReadInt32();
        for (var i = 0; i < triggers; i++)
        {
            var index = workspace.IndexOf(r.ReadString());
            var ticks = r.ReadInt64();
            if (index >= 0)
            {
                (extras.TriggerDue ??= new Instant?[count])[index] = ticks == long.MinValue ? null : Instant.FromUnixTimeTicks(ticks);
            }
        }

        extras.TriggersArmed = r.ReadBoolean();
    }

    private static void WriteOptional(BinaryWriter w, string? s)
    {
        w.Write(s is not null);
        if (s is not null)
        {
            w.Write(s);
        }
    }

    private static string? ReadOptional(BinaryReader r) => r.ReadBoolean() ? r.ReadString() : null;
}
