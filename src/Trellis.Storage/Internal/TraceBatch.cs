using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Trellis.Storage.Internal;

/// <summary>
/// How both backends store a person's trace: one row per person per commit, holding that commit's lines as one JSON
/// array <c>[[at, type, journey, step, details], …]</c> (at in microseconds since the Unix epoch, journey and step
/// null when absent, details the line's own JSON object), or, for a line in the SPEC's shape, the compact
/// <c>[at text, type, journey, step, rest, step cut]</c> that does not repeat those columns
/// (<see cref="CompactTraceLine"/>). A line's <see cref="StoredTraceEntry.Sequence"/> is its
/// row's sequence shifted left by <see cref="IndexBits"/>, plus its index in the row, so lines keep the order they
/// were recorded in and a reader can page from any line.
/// </summary>
/// <remarks>
/// Why rows of lines: a journey entry records four lines (enter, step, send, exit) in one commit, and one row per
/// line cost four rows, eight B-tree inserts and four JSON checks inside the one writer's transaction — without the
/// trace rows a saturated SQLite ingest ran ~45 % faster (BENCHMARKS.md). Reads are rare (admin API, dashboard,
/// the start-up recount) and pay for parsing instead.
/// </remarks>
internal static class TraceBatch
{
    /// <summary>Bits of a line sequence that give the line's index in its row.</summary>
    public const int IndexBits = 12;

    /// <summary>Most lines in one row; a commit with more lines for one person writes several rows.</summary>
    public const int MaxLinesPerRow = 1 << IndexBits;

    /// <summary>The sequence of line <paramref name="index"/> of the row with sequence <paramref name="rowSequence"/>.</summary>
    public static long LineSequence(long rowSequence, int index) => (rowSequence << IndexBits) | (long)index;

    /// <summary>The first row that can hold a line after <paramref name="afterSequence"/> (rows from here, inclusive).</summary>
    public static long FirstRow(long afterSequence) => afterSequence <= 0 ? 0 : afterSequence >> IndexBits;

    /// <summary>
    /// Rows to read for <paramref name="limit"/> lines after a cursor: the first row may be used up to the cursor,
    /// and every other row holds at least one line.
    /// </summary>
    public static int RowsFor(int limit) => limit == int.MaxValue ? limit : limit + 1;

    /// <summary>Splits a commit's lines into the rows to write (almost always one).</summary>
    public static IEnumerable<string> Rows(IReadOnlyList<TraceEntry> entries)
    {
        for (var start = 0; start < entries.Count; start += MaxLinesPerRow)
        {
            yield return Write(entries, start, Math.Min(MaxLinesPerRow, entries.Count - start));
        }
    }

    /// <summary>Writes lines [start, start + count) as one row's JSON; a line whose details are not JSON is refused (<see cref="InvalidStorageDataException"/>).</summary>
    public static string Write(IReadOnlyList<TraceEntry> entries, int start, int count)
    {
        var buffer = new ArrayBufferWriter<byte>(256 * count);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            for (var i = start; i < start + count; i++)
            {
                var entry = entries[i];
                writer.WriteStartArray();
                if (CompactTraceLine.TrySplit(entry, out var atText, out var rest, out var stepCut))
                {
                    writer.WriteStringValue(atText);
                    writer.WriteStringValue(entry.Type);
                    WriteNullable(writer, entry.JourneyId);
                    WriteNullable(writer, entry.StepId);
                    writer.WriteRawValue(rest);
                    writer.WriteNumberValue(stepCut ? 1 : 0);
                    writer.WriteEndArray();
                    continue;
                }

                writer.WriteNumberValue(StoredMicroseconds.Of(entry.At));
                writer.WriteStringValue(entry.Type);
                WriteNullable(writer, entry.JourneyId);
                WriteNullable(writer, entry.StepId);
                try
                {
                    writer.WriteRawValue(entry.DetailsJson);
                }
                catch (JsonException exception)
                {
                    throw new InvalidStorageDataException($"trace line {i} ({entry.Type}): its details are not JSON: {exception.Message}", exception);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>
    /// Adds the lines of one stored row that come after <paramref name="afterSequence"/> to <paramref name="into"/>,
    /// until it holds <paramref name="limit"/> lines.
    /// </summary>
    public static void Read(long rowSequence, string personId, string rowJson, long afterSequence, int limit, List<StoredTraceEntry> into)
    {
        using var document = ParseRow(rowSequence, rowJson);
        var index = 0;
        foreach (var line in document.RootElement.EnumerateArray())
        {
            var sequence = LineSequence(rowSequence, index++);
            if (sequence <= afterSequence)
            {
                continue;
            }

            if (into.Count >= limit)
            {
                return;
            }

            into.Add(new StoredTraceEntry(sequence, personId, Line(rowSequence, line)));
        }
    }

    private static TraceEntry Line(long rowSequence, JsonElement line)
    {
        if (line[0].ValueKind != JsonValueKind.String)
        {
            return new TraceEntry(
                StoredMicroseconds.ToInstant(line[0].GetInt64()),
                line[1].GetString()!,
                line[2].GetString(),
                line[3].GetString(),
                line[4].GetRawText());
        }

        try
        {
            var details = CompactTraceLine.Expand(
                line[0].GetRawText(), line[1].GetRawText(), line[2].GetRawText(), line[3].GetRawText(), line[4].GetRawText(),
                line[5].GetInt32() == 1);
            return new TraceEntry(CompactTraceLine.At(line[0].GetString()!), line[1].GetString()!, line[2].GetString(), line[3].GetString(), details);
        }
        catch (Exception exception) when (exception is JsonException or FormatException or NodaTime.Text.UnparsableValueException or InvalidOperationException or IndexOutOfRangeException)
        {
            throw new InvalidStorageDataException($"trace row {rowSequence} holds a compact line that cannot be read: {exception.Message}", exception);
        }
    }

    private static JsonDocument ParseRow(long rowSequence, string rowJson)
    {
        try
        {
            return JsonDocument.Parse(rowJson);
        }
        catch (JsonException exception)
        {
            throw new InvalidStorageDataException($"trace row {rowSequence} cannot be read: {exception.Message}", exception);
        }
    }

    private static void WriteNullable(Utf8JsonWriter writer, string? value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }
}
