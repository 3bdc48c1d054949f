using System.Text.Json;
using Trellis.Core.Engine.Effects;
using Trellis.Core.Journeys;
using Trellis.Core.Values;
using Trellis.Runtime.Persistence;
using Trellis.Runtime.Tracing;
using Trellis.Storage;

namespace Trellis.Server.Admin.Reports;

/// <summary>
/// Turns one person's stored trace lines (SPEC §5 JSON) back into engine effects, in the order they were
/// recorded, so the report builder of <c>trellis simulate</c> can count them. Trace lines carry no instance
/// number: each <c>enter</c> starts a new one, and later lines belong to the instance of their journey and
/// <c>key</c> (keyed journeys run one instance per key at a time).
/// </summary>
internal sealed class StoredTraceEffects(string personId)
{
    private readonly Dictionary<(string Journey, string? Key), int> _instances = [];
    private int _next;

    /// <summary>The effect of a trace line, or null for a line that is no journey effect (or cannot be read).</summary>
    public Effect? Read(TraceEntry entry)
    {
        if (entry.JourneyId is not { } journey || !TryType(entry.Type, out var type))
        {
            return null;
        }

        JsonElement root;
        try
        {
            using var doc = JsonDocument.Parse(entry.DetailsJson);
            root = doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }

        var key = Text(root, "key");
        int instance;
        if (type == EffectType.Enter)
        {
            instance = ++_next;
            _instances[(journey, key)] = instance;
        }
        else if (!_instances.TryGetValue((journey, key), out instance))
        {
            // A line whose enter was never recorded (trace written before this journey was reported on): own instance.
            instance = ++_next;
            _instances[(journey, key)] = instance;
        }

        Channel? channel = ChannelNames.TryParse(Text(root, "channel"), out var c) ? c : null;
        TraceNames.TryParseOutcome(Text(root, "outcome") ?? "", out var outcome);
        return new Effect
        {
            At = entry.At,
            Type = type,
            User = personId,
            Journey = journey,
            Instance = instance,
            Key = key,
            Step = entry.StepId ?? Text(root, "step"),
            Channel = channel,
            Template = Text(root, "template"),
            Reason = Text(root, "reason"),
            Until = Text(root, "until") is { } until && InstantText.TryParse(until, out var u) ? u : null,
            Outcome = outcome,
            Value = root.TryGetProperty("value", out var value) ? ValueJson.FromJson(value) : Value.Null,
            Variant = Text(root, "variant"),
            Holdout = root.TryGetProperty("holdout", out var h) && h.ValueKind == JsonValueKind.True,
        };
    }

    private static bool TryType(string text, out EffectType type)
    {
        EffectType? parsed = text switch
        {
            "enter" => EffectType.Enter,
            "step" => EffectType.Step,
            "send" => EffectType.Send,
            "skip" => EffectType.Skip,
            "defer" => EffectType.Defer,
            "goal" => EffectType.Goal,
            "exit" => EffectType.Exit,
            _ => null,
        };
        type = parsed ?? default;
        return parsed is not null;
    }

    private static string? Text(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
}
