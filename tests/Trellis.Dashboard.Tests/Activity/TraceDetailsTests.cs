using Trellis.Server.Dashboard.Activity;

namespace Trellis.Dashboard.Tests.Activity;

/// <summary>The fields the counters read from a stored trace line, whatever else the line holds.</summary>
public sealed class TraceDetailsTests
{
    [Fact]
    public void Reads_the_counted_fields_and_skips_the_rest()
    {
        var details = TraceDetails.Parse("""
            {"at":"2026-03-02T09:00:00Z","type":"exit","user":"u1","journey":"j","step":"s","extra":{"reason":"nested, not ours"},
             "channel":"email","reason":"goal met","variant":"b","outcome":"converted","holdout":true,"value":12.5,"list":[1,"x"]}
            """);

        Assert.Equal(new TraceDetails("email", "goal met", "b", "converted", true, 12.5), details);
        Assert.Equal(0, details.OutcomeIndex);
    }

    [Fact]
    public void A_line_longer_than_the_stack_buffer_reads_the_same()
    {
        var padding = new string('é', 2000); // two UTF-8 bytes each: well past the stack buffer
        var details = TraceDetails.Parse($$"""{"pad":"{{padding}}","channel":"sms","outcome":"exited"}""");

        Assert.Equal("sms", details.Channel);
        Assert.Equal(1, details.OutcomeIndex);
    }

    [Fact]
    public void A_property_name_that_only_starts_like_a_field_is_not_that_field()
    {
        var details = TraceDetails.Parse("""{"channels":"email","value2":3,"holdout":false}""");

        Assert.Equal(default, details);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("{\"channel\":\"email\",")]
    [InlineData("not json")]
    public void A_damaged_line_gives_what_was_read_before_the_damage(string json)
    {
        var details = TraceDetails.Parse(json);

        Assert.Null(details.Reason);
        Assert.Equal(0, details.Value);
    }
}
