using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Trellis.Server.Dashboard.Activity;

/// <summary>The fields of a stored trace line's JSON that the counters use (SPEC §5), read without a DOM.</summary>
internal readonly record struct TraceDetails(string? Channel, string? Reason, string? Variant, string? Outcome, bool Holdout, double Value)
{
    // Trace lines are a few hundred bytes: transcode them on the stack, not into a new array per line.
    private const int StackLimit = 1024;

    /// <summary>
    /// Runs for every trace line the engine commits (and every line of the start-up recount), so it allocates
    /// only the values it keeps: property names are compared in place, and the UTF-8 copy of the line is on the
    /// stack or rented.
    /// </summary>
    public static TraceDetails Parse(string json)
    {
        var most = Encoding.UTF8.GetMaxByteCount(json.Length);
        byte[]? rented = null;
        Span<byte> buffer = most <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(most));
        try
        {
            return Parse(buffer[..Encoding.UTF8.GetBytes(json, buffer)]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static TraceDetails Parse(ReadOnlySpan<byte> utf8)
    {
        string? channel = null, reason = null, variant = null, outcome = null;
        var holdout = false;
        double value = 0;
        try
        {
            var reader = new Utf8JsonReader(utf8);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return default;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = Property(ref reader);
                reader.Read();
                switch (name)
                {
                    case Field.Channel when reader.TokenType == JsonTokenType.String:
                        channel = reader.GetString();
                        break;
                    case Field.Reason when reader.TokenType == JsonTokenType.String:
                        reason = reader.GetString();
                        break;
                    case Field.Variant when reader.TokenType == JsonTokenType.String:
                        variant = reader.GetString();
                        break;
                    case Field.Outcome when reader.TokenType == JsonTokenType.String:
                        outcome = reader.GetString();
                        break;
                    case Field.Holdout when reader.TokenType is JsonTokenType.True:
                        holdout = true;
                        break;
                    case Field.Value when reader.TokenType == JsonTokenType.Number:
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

    private enum Field
    {
        Other,
        Channel,
        Reason,
        Variant,
        Outcome,
        Holdout,
        Value,
    }

    private static Field Property(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("channel"u8) ? Field.Channel
        : reader.ValueTextEquals("reason"u8) ? Field.Reason
        : reader.ValueTextEquals("variant"u8) ? Field.Variant
        : reader.ValueTextEquals("outcome"u8) ? Field.Outcome
        : reader.ValueTextEquals("holdout"u8) ? Field.Holdout
        : reader.ValueTextEquals("value"u8) ? Field.Value
        : Field.Other;

    /// <summary>0 converted, 1 exited, 2 completed; -1 for anything else.</summary>
    public int OutcomeIndex => Outcome switch
    {
        "converted" => 0,
        "exited" => 1,
        "completed" => 2,
        _ => -1,
    };
}
