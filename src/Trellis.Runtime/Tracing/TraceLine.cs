using System.Text.Json;
using Trellis.Core.Engine.Effects;
using Trellis.Core.Journeys;
using Trellis.Core.Values;

namespace Trellis.Runtime.Tracing;

/// <summary>Writes one effect as one JSON trace line (SPEC §5): at, type, user, journey, then the fields of its type.</summary>
public static class TraceLine
{
    public static void Write(Utf8JsonWriter w, in Effect e)
    {
        w.WriteStartObject();
        w.WriteString("at", InstantText.Format(e.At));
        w.WriteString("type", TraceNames.Type(e.Type));
        w.WriteString("user", e.User);
        w.WriteString("journey", e.Journey);
        if (e.Key is { } key)
        {
            // Keyed journeys run one instance per key: every line says which.
            w.WriteString("key", key);
        }

        if (e.Step is { } step)
        {
            w.WriteString("step", step);
        }

        switch (e.Type)
        {
            case EffectType.Enter:
                if (e.Holdout)
                {
                    w.WriteBoolean("holdout", true);
                }

                break;
            case EffectType.Step when e.Variant is { } variant:
                w.WriteString("variant", variant);
                break;
            case EffectType.Send:
                w.WriteString("channel", e.Channel!.Value.Name());
                w.WriteString("template", e.Template);
                break;
            case EffectType.Skip:
                w.WriteString("reason", e.Reason);
                break;
            case EffectType.Defer:
                w.WriteString("reason", e.Reason);
                w.WriteString("until", InstantText.Format(e.Until!.Value));
                break;
            case EffectType.Goal:
                w.WritePropertyName("value");
                WriteValue(w, e.Value);
                break;
            case EffectType.Exit:
                w.WriteString("outcome", TraceNames.Outcome(e.Outcome));
                w.WriteString("reason", e.Reason);
                break;
        }

        w.WriteEndObject();
    }

    public static string ToJson(in Effect e)
    {
        Write(ThreadJsonBuffer.Start(), e);
        return ThreadJsonBuffer.Finish();
    }

    public static void WriteValue(Utf8JsonWriter w, Value v)
    {
        switch (v.Kind)
        {
            case ValueKind.Null:
                w.WriteNullValue();
                break;
            case ValueKind.Bool:
                w.WriteBooleanValue(v.AsBool);
                break;
            case ValueKind.Number:
                w.WriteNumberValue(v.AsNumber);
                break;
            case ValueKind.List:
                w.WriteStartArray();
                foreach (var item in v.AsList)
                {
                    WriteValue(w, item);
                }

                w.WriteEndArray();
                break;
            case ValueKind.Map:
                w.WriteStartObject();
                foreach (var (k, item) in v.AsMap!)
                {
                    w.WritePropertyName(k);
                    WriteValue(w, item);
                }

                w.WriteEndObject();
                break;
            default:
                w.WriteStringValue(v.ToString());
                break;
        }
    }
}
