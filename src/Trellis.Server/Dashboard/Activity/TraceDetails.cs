using System.Text;
using System.Text.Json;

namespace Trellis.Server.Dashboard.Activity;

/// <summary>The fields of a stored trace line's JSON that the counters use (SPEC §5), read without a DOM.</summary>
internal readonly record struct TraceDetails(string? Channel, string? Reason, string? Variant, string? Outcome, bool Holdout, double Value)
{
    public static TraceDetails Parse(string json)
    {
        string? channel = null, reason = null, variant = null, outcome = null;
        var holdout = false;
        double value = 0;
        try
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return default;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                switch (name)
                {
                    case "channel" when reader.TokenType == JsonTokenType.String:
                        channel = reader.GetString();
                        break;
                    case "reason" when reader.TokenType == JsonTokenType.String:
                        reason = reader.GetString();
                        break;
                    case "variant" when reader.TokenType == JsonTokenType.String:
                        variant = reader.GetString();
                        break;
                    case "outcome" when reader.TokenType == JsonTokenType.String:
                        outcome = reader.GetString();
                        break;
                    case "holdout" when reader.TokenType is JsonTokenType.True:
                        holdout = true;
                        break;
                    case "value" when reader.TokenType == JsonTokenType.Number:
                        value = reader.GetDouble();
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }
        }
        catch (JsonException)
        {
            // A damaged line counts by its type alone.
        }

        return new TraceDetails(channel, reason, variant, outcome, holdout, double.IsFinite(value) && Math.Abs(value) <= 1e15 ? value : 0);
    }

    /// <summary>0 converted, 1 exited, 2 completed; -1 for anything else.</summary>
    public int OutcomeIndex => Outcome switch
    {
        "converted" => 0,
        "exited" => 1,
        "completed" => 2,
        _ => -1,
    };
}
