using System.Buffers;
using System.Text;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace Trellis.Storage.Internal;

/// <summary>
/// The compact form of a stored trace line. A SPEC §5 line starts <c>{"at":…,"type":…,"user":…,"journey":…</c>,
/// often followed by <c>"step":…</c>, and the stored line already holds at, type, journey and step in its own
/// columns: storing them twice made a journey entry's trace row about twice its size, and the row is written inside
/// the one writer's transaction (BENCHMARKS.md, tenth measurement). A compact line is
/// <c>[at text, type, journey, step, rest, step cut]</c>: rest is the details object without at, type, journey and
/// (when <c>step cut</c> is 1) step; <see cref="Expand"/> puts them back, byte for byte.
/// </summary>
/// <remarks>
/// A line is compacted only when expanding it gives back exactly the text it was given: the properties come in the
/// SPEC's order, their values equal the line's columns, and they are written the way the row's JSON writer writes
/// them (no escapes). Anything else — another order, escaped text, details that are not an object — is stored whole,
/// in the original form <c>[at µs, type, journey, step, details]</c>, which is also what rows written before this
/// form hold. Readers tell the two apart by the type of the first element (text or number).
/// </remarks>
internal static class CompactTraceLine
{
    private const string AtName = "{\"at\":";
    private const string TypeName = ",\"type\":";
    private const string JourneyName = ",\"journey\":";
    private const string StepName = ",\"step\":";

    /// <summary>The compact parts of <paramref name="entry"/>, or false when the line must be stored whole.</summary>
    public static bool TrySplit(TraceEntry entry, out string atText, out string rest, out bool stepCut)
    {
        atText = rest = string.Empty;
        stepCut = false;
        var details = entry.DetailsJson;
        var rented = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(details.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(details, rented);
            var json = rented.AsSpan(0, length);
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject
                || !PlainString(ref reader, "at"u8, out var at)
                || !PlainString(ref reader, "type"u8, out var type) || type != entry.Type
                || !reader.Read() || !IsProperty(ref reader, "user"u8))
            {
                return false;
            }

            var userStart = (int)reader.TokenStartIndex;
            if (!reader.Read() || !reader.TrySkip())
            {
                return false;
            }

            var userEnd = (int)reader.BytesConsumed;
            if (!PlainStringOrNull(ref reader, "journey"u8, out var journey) || journey != entry.JourneyId)
            {
                return false;
            }

            var cutEnd = (int)reader.BytesConsumed;
            if (entry.StepId is not null && reader.Read() && IsProperty(ref reader, "step"u8))
            {
                if (!reader.Read() || !IsPlainString(ref reader) || !reader.ValueTextEquals(entry.StepId))
                {
                    return false;
                }

                cutEnd = (int)reader.BytesConsumed;
                stepCut = true;
            }

            // The cut text must be exactly what Expand writes back: no whitespace between the cut properties.
            var journeyLength = journey is null ? 4 : journey.Length + 2;
            var stepLength = stepCut ? StepName.Length + entry.StepId!.Length + 2 : 0;
            if (userStart != AtName.Length + at!.Length + 2 + TypeName.Length + type!.Length + 2 + 1
                || cutEnd - userEnd != JourneyName.Length + journeyLength + stepLength)
            {
                return false;
            }

            if (!InstantPattern.ExtendedIso.Parse(at).TryGetValue(default, out var instant)
                || StoredMicroseconds.Of(instant) != StoredMicroseconds.Of(entry.At))
            {
                return false;
            }

            atText = at;
            rest = string.Concat("{", Encoding.UTF8.GetString(json[userStart..userEnd]), Encoding.UTF8.GetString(json[cutEnd..]));
            return true;
        }
        catch (JsonException)
        {
            // Details that are not JSON are the writer's to refuse (TraceBatch.Write), with the line named.
            return false;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>The instant of a compact line, at the precision every stored instant has.</summary>
    public static Instant At(string atText) =>
        StoredMicroseconds.ToInstant(StoredMicroseconds.Of(InstantPattern.ExtendedIso.Parse(atText).Value));

    /// <summary>
    /// The whole details text of a compact line, from the raw JSON text of its elements (<c>at</c>, <c>type</c>,
    /// <c>journey</c>, <c>step</c> as stored, quotes included).
    /// </summary>
    public static string Expand(string atJson, string typeJson, string journeyJson, string stepJson, string restJson, bool stepCut)
    {
        // rest is {"user":…[,…]}: the user property ends where its value does.
        var rest = Encoding.UTF8.GetBytes(restJson);
        var reader = new Utf8JsonReader(rest);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject || !reader.Read()
            || reader.TokenType != JsonTokenType.PropertyName || !reader.Read() || !reader.TrySkip())
        {
            throw new JsonException("a compact trace line's rest does not start with its user");
        }

        var userEnd = (int)reader.BytesConsumed;
        var text = new StringBuilder(restJson.Length + atJson.Length + typeJson.Length + journeyJson.Length + stepJson.Length + 40);
        text.Append(AtName).Append(atJson)
            .Append(TypeName).Append(typeJson).Append(',')
            .Append(Encoding.UTF8.GetString(rest.AsSpan(1, userEnd - 1)))
            .Append(JourneyName).Append(journeyJson);
        if (stepCut)
        {
            text.Append(StepName).Append(stepJson);
        }

        return text.Append(Encoding.UTF8.GetString(rest.AsSpan(userEnd))).ToString();
    }

    private static bool IsProperty(ref Utf8JsonReader reader, ReadOnlySpan<byte> name) =>
        reader.TokenType == JsonTokenType.PropertyName && !reader.ValueIsEscaped && reader.ValueSpan.SequenceEqual(name);

    private static bool PlainString(ref Utf8JsonReader reader, ReadOnlySpan<byte> name, out string? value)
    {
        value = null;
        if (!reader.Read() || !IsProperty(ref reader, name) || !reader.Read() || !IsPlainString(ref reader))
        {
            return false;
        }

        value = reader.GetString();
        return true;
    }

    private static bool PlainStringOrNull(ref Utf8JsonReader reader, ReadOnlySpan<byte> name, out string? value)
    {
        value = null;
        if (!reader.Read() || !IsProperty(ref reader, name) || !reader.Read())
        {
            return false;
        }

        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (!IsPlainString(ref reader))
        {
            return false;
        }

        value = reader.GetString();
        return true;
    }

    /// <summary>
    /// A string the row's JSON writer (the default encoder) writes exactly as it stands here: printable ASCII with
    /// nothing that encoder escapes.
    /// </summary>
    private static bool IsPlainString(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped || reader.HasValueSequence)
        {
            return false;
        }

        foreach (var b in reader.ValueSpan)
        {
            if (b < 0x20 || b > 0x7E || b is (byte)'"' or (byte)'\\' or (byte)'&' or (byte)'\'' or (byte)'+' or (byte)'<' or (byte)'>' or (byte)'`')
            {
                return false;
            }
        }

        return true;
    }
}
