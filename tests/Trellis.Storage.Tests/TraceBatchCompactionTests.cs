using NodaTime;
using NodaTime.Text;
using Trellis.Storage.Internal;

namespace Trellis.Storage.Tests;

/// <summary>
/// Trace lines in the SPEC's shape are stored without the at, type, journey and step their row already holds
/// (CompactTraceLine); a reader must get back exactly the text the engine wrote, and anything not in that shape
/// must be stored whole.
/// </summary>
public sealed class TraceBatchCompactionTests
{
    private static readonly Instant At = InstantPattern.ExtendedIso.Parse("2026-12-08T00:54:13.4210059Z").Value;
    private const string AtText = "2026-12-08T00:54:13.4210059Z";

    public static TheoryData<string, string?, string?, string> SpecShapedLines => new()
    {
        { "step", "trial", "welcome", $$"""{"at":"{{AtText}}","type":"step","user":"u0","journey":"trial","step":"welcome"}""" },
        { "send", "trial", "welcome", $$"""{"at":"{{AtText}}","type":"send","user":"u0","journey":"trial","step":"welcome","channel":"in_app","template":"note"}""" },
        { "exit", "trial", null, $$"""{"at":"{{AtText}}","type":"exit","user":"u0","journey":"trial","outcome":"completed","reason":"end"}""" },
        { "enter", "trial", null, $$"""{"at":"{{AtText}}","type":"enter","user":"u0","journey":"trial","holdout":true}""" },
        // Keyed journeys write the key between journey and step: the step stays in the rest.
        { "step", "orders", "ship", $$"""{"at":"{{AtText}}","type":"step","user":"u0","journey":"orders","key":"o-1","step":"ship"}""" },
        { "goal", "trial", null, $$$"""{"at":"{{{AtText}}}","type":"goal","user":"u0","journey":"trial","value":{"amount":12.5,"items":[1,2]}}""" },
        { "skip", null, null, $$"""{"at":"{{AtText}}","type":"skip","user":"u0","journey":null,"reason":"cap"}""" },
        // A user id the writer escaped is kept as it was written: it is in the rest, copied byte for byte.
        { "step", "trial", "welcome", $$"""{"at":"{{AtText}}","type":"step","user":"Jos\u00E9 \u002B1","journey":"trial","step":"welcome"}""" },
        { "step", "trial", "welcome", """{"at":"2026-12-08T00:54:13Z","type":"step","user":"u0","journey":"trial","step":"welcome"}""" },
    };

    public static TheoryData<string, string?, string?, string> LinesStoredWhole => new()
    {
        // Another order, whitespace, escaped column values, a type that is not the column's, not an object.
        { "step", "trial", "welcome", $$"""{"type":"step","at":"{{AtText}}","user":"u0","journey":"trial","step":"welcome"}""" },
        { "step", "trial", "welcome", $$"""{"at": "{{AtText}}", "type": "step", "user": "u0", "journey": "trial", "step": "welcome"}""" },
        { "step", "tri+al", "welcome", $$"""{"at":"{{AtText}}","type":"step","user":"u0","journey":"tri\u002Bal","step":"welcome"}""" },
        { "step", "trial", "welcome", $$"""{"at":"{{AtText}}","type":"send","user":"u0","journey":"trial","step":"welcome"}""" },
        { "step", "trial", "welcome", $$"""{"at":"{{AtText}}","type":"step","user":"u0","journey":"other","step":"welcome"}""" },
        { "step", "trial", "welcome", """{"at":"yesterday","type":"step","user":"u0","journey":"trial","step":"welcome"}""" },
        { "step", "trial", "welcome", """{"at":"2026-12-08T00:54:14Z","type":"step","user":"u0","journey":"trial","step":"welcome"}""" },
        { "step", "trial", "welcome", """{"custom":true}""" },
        { "step", "trial", "welcome", """["not","an","object"]""" },
    };

    [Theory]
    [MemberData(nameof(SpecShapedLines))]
    public void A_spec_shaped_line_is_stored_compact_and_read_back_exactly(string type, string? journey, string? step, string details)
    {
        var at = InstantPattern.ExtendedIso.Parse(details[7..details.IndexOf('"', 7)]).Value;
        var entry = new TraceEntry(at, type, journey, step, details);

        var row = TraceBatch.Write([entry], 0, 1);

        Assert.StartsWith("[[\"", row, StringComparison.Ordinal);
        Assert.DoesNotContain("\"type\":", row, StringComparison.Ordinal);
        var read = ReadBack(row);
        Assert.Equal(details, read.DetailsJson);
        Assert.Equal(StoredMicroseconds.ToInstant(StoredMicroseconds.Of(at)), read.At);
        Assert.Equal((type, journey, step), (read.Type, read.JourneyId, read.StepId));
    }

    [Theory]
    [MemberData(nameof(LinesStoredWhole))]
    public void A_line_not_in_the_spec_shape_is_stored_whole(string type, string? journey, string? step, string details)
    {
        var entry = new TraceEntry(At, type, journey, step, details);

        var row = TraceBatch.Write([entry], 0, 1);

        Assert.StartsWith("[[" + StoredMicroseconds.Of(At), row, StringComparison.Ordinal);
        var read = ReadBack(row);
        Assert.Equal(details, read.DetailsJson);
        Assert.Equal((type, journey, step), (read.Type, read.JourneyId, read.StepId));
    }

    [Fact]
    public void A_journey_entry_row_is_stored_in_under_two_thirds_of_the_text()
    {
        var lines = new[]
        {
            new TraceEntry(At, "enter", "trial", null, $$"""{"at":"{{AtText}}","type":"enter","user":"u12345","journey":"trial"}"""),
            new TraceEntry(At, "step", "trial", "welcome", $$"""{"at":"{{AtText}}","type":"step","user":"u12345","journey":"trial","step":"welcome"}"""),
            new TraceEntry(At, "send", "trial", "welcome", $$"""{"at":"{{AtText}}","type":"send","user":"u12345","journey":"trial","step":"welcome","channel":"email","template":"welcome"}"""),
        };
        // The original form: [µs, "type", "journey", "step" or null, details] per line, about 40 characters around the details.
        var whole = lines.Sum(l => l.DetailsJson.Length + 40);

        var row = TraceBatch.Write(lines, 0, lines.Length);

        Assert.True(row.Length < whole * 2 / 3, $"{row.Length} characters stored for {whole}: {row}");
        var read = new List<StoredTraceEntry>();
        TraceBatch.Read(3, "u12345", row, 0, 10, read);
        Assert.Equal(lines.Select(l => l.DetailsJson), read.Select(r => r.Entry.DetailsJson));
        Assert.Equal([3L << TraceBatch.IndexBits, (3L << TraceBatch.IndexBits) + 1, (3L << TraceBatch.IndexBits) + 2], read.Select(r => r.Sequence));
    }

    [Fact]
    public void Rows_written_in_the_original_form_still_read()
    {
        var micros = StoredMicroseconds.Of(At);
        var row = $$"""[[{{micros}},"step","trial","welcome",{"at":"{{AtText}}","type":"step","user":"u0","journey":"trial","step":"welcome"}]]""";

        var read = ReadBack(row);

        Assert.Equal($$"""{"at":"{{AtText}}","type":"step","user":"u0","journey":"trial","step":"welcome"}""", read.DetailsJson);
        Assert.Equal(StoredMicroseconds.ToInstant(micros), read.At);
    }

    [Theory]
    [InlineData("""[["2026-12-08T00:54:13Z","step","trial","welcome",{"user":"u0"}]]""")]
    [InlineData("""[["not a time","step","trial","welcome",{"user":"u0"},1]]""")]
    [InlineData("""[["2026-12-08T00:54:13Z","step","trial","welcome",[1],1]]""")]
    public void A_damaged_compact_line_fails_as_invalid_storage_data_naming_its_row(string row)
    {
        var failure = Assert.Throws<InvalidStorageDataException>(() => TraceBatch.Read(9, "u0", row, 0, 10, []));

        Assert.Contains("trace row 9", failure.Message, StringComparison.Ordinal);
    }

    private static TraceEntry ReadBack(string row)
    {
        var read = new List<StoredTraceEntry>();
        TraceBatch.Read(1, "u0", row, 0, 10, read);
        return Assert.Single(read).Entry;
    }
}
