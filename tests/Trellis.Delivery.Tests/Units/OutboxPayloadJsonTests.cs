using System.Text.Json;
using Trellis.Server.Processing;

namespace Trellis.Delivery.Tests.Units;

/// <summary>The engine writes payloads with a hand-written writer; the dispatcher must read them, and rows written before.</summary>
public sealed class OutboxPayloadJsonTests
{
    private static readonly OutboxPayload Payload = new()
    {
        Journey = "news",
        Step = "news-email",
        Template = "news",
        Channel = "email",
        Instance = 7,
        Marketing = true,
        Address = "ada@example.test",
        UnsubscribeUrl = "https://t.example/unsubscribe/abc.def",
        Parts = new Dictionary<string, string>
        {
            ["subject"] = "Hi \"Ada\" & co — ünïcode 😀",
            ["html"] = "<p>Hi <b>Ada</b></p>\r\n<a href=\"https://x.example/?a=1&b=2\">x</a>",
            ["text"] = "line 1\nline 2\t\u0001",
        },
    };

    [Fact]
    public void A_payload_round_trips_with_every_field()
    {
        var read = OutboxPayloadJson.Deserialize(OutboxPayloadJson.Serialize(Payload))!;

        Assert.Equal(Payload with { Parts = read.Parts }, read);
        Assert.Equal(Payload.Parts, read.Parts);
    }

    [Fact]
    public void A_failed_render_keeps_its_error_and_null_fields()
    {
        var failed = Payload with { Address = null, UnsubscribeUrl = null, Parts = new Dictionary<string, string>(), Error = "template 'x' is not in the workspace" };

        var read = OutboxPayloadJson.Deserialize(OutboxPayloadJson.Serialize(failed))!;

        Assert.Null(read.Address);
        Assert.Null(read.UnsubscribeUrl);
        Assert.Empty(read.Parts);
        Assert.Equal(failed.Error, read.Error);
    }

    [Fact]
    public void Rows_written_by_the_reflection_serializer_still_read()
    {
        var old = JsonSerializer.Serialize(Payload);

        var read = OutboxPayloadJson.Deserialize(old)!;

        Assert.Equal(Payload.Parts, read.Parts);
        Assert.Equal(Payload.UnsubscribeUrl, read.UnsubscribeUrl);
    }

    [Fact]
    public void Html_is_stored_unescaped_so_the_row_stays_small()
    {
        var json = OutboxPayloadJson.Serialize(Payload);

        Assert.Contains("<p>Hi <b>Ada</b></p>", json, StringComparison.Ordinal);
        Assert.True(json.Length < JsonSerializer.Serialize(Payload).Length);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[1,2]")]
    [InlineData("{\"Journey\":\"j\"}")]
    public void Something_that_is_not_a_payload_is_refused(string json)
    {
        Assert.ThrowsAny<JsonException>(() => OutboxPayloadJson.Deserialize(json));
    }
}
