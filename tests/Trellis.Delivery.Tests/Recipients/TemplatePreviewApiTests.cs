using System.Net;
using System.Text;
using System.Text.Json;
using Trellis.Delivery.Tests.Support;
using static Trellis.Delivery.Tests.Support.DeliveryServer;

namespace Trellis.Delivery.Tests.Recipients;

/// <summary><c>POST /api/templates/{id}/preview</c> over real HTTP, with the secret key.</summary>
public sealed class TemplatePreviewApiTests
{
    private static Dictionary<string, string> Content()
    {
        var content = TestContent.Email();
        content["templates/receipt.template.yaml"] = """
            template: receipt
            email:
              subject: 'Receipt for {{default profile.first_name "you"}}, {{date event.at event.format}}'
              text: 'Total {{number event.total "0.00"}} <{{event.note}}>'
            sms:
              body: 'Paid {{number event.total "0.00"}}'
            """;
        return content;
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> PreviewAsync(DeliveryServer server, string template, string? body, bool withKey = true)
    {
        using var admin = server.Admin();
        using var content = body is null ? null : new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await (withKey ? admin : server.Http).PostAsync($"/api/templates/{template}/preview", content);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    [Fact]
    public async Task Every_channel_section_renders_with_the_profile_and_event_of_the_body()
    {
        await using var server = await StartAsync(Content());

        var (status, body) = await PreviewAsync(server, "receipt",
            """{"profile": {"first_name": "Ada"}, "event": {"total": 12.5, "at": "2026-03-02T09:00:00Z", "format": "yyyy-MM-dd", "note": "<b>"}}""");

        Assert.Equal(HttpStatusCode.OK, status);
        var channels = body.GetProperty("channels").EnumerateArray().ToDictionary(c => c.GetProperty("channel").GetString()!, c => c.GetProperty("parts"));
        Assert.Equal(["email", "sms"], channels.Keys.Order());
        Assert.Equal("Receipt for Ada, 2026-03-02", channels["email"].GetProperty("subject").GetString());
        Assert.Equal("Total 12.50 <<b>>", channels["email"].GetProperty("text").GetString());
        Assert.Equal("Paid 12.50", channels["sms"].GetProperty("body").GetString());
    }

    [Fact]
    public async Task One_channel_can_be_asked_for_and_links_are_placeholders_never_working_tokens()
    {
        await using var server = await StartAsync(Content());

        var (status, body) = await PreviewAsync(server, "news", """{"profile": {"first_name": "Bo"}, "channel": "email"}""");

        Assert.Equal(HttpStatusCode.OK, status);
        var email = Assert.Single(body.GetProperty("channels").EnumerateArray());
        var html = email.GetProperty("parts").GetProperty("html").GetString()!;
        Assert.Contains("Hi Bo,", html);
        Assert.Contains("#preview-unsubscribe", html);
        Assert.DoesNotContain("/unsubscribe/", html);
    }

    [Fact]
    public async Task An_empty_body_previews_with_empty_data()
    {
        await using var server = await StartAsync(Content());

        var (status, body) = await PreviewAsync(server, "news", null);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("News for you", body.GetProperty("channels")[0].GetProperty("parts").GetProperty("subject").GetString());
    }

    [Fact]
    public async Task An_unknown_template_is_404()
    {
        await using var server = await StartAsync(Content());

        var (status, body) = await PreviewAsync(server, "no-such-template", "{}");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("no-such-template", body.GetProperty("error").GetString());
    }

    [Theory]
    [InlineData("not json", "malformed JSON")]
    [InlineData("[1, 2]", "must be a JSON object")]
    [InlineData("""{"profile": "Ada"}""", "\"profile\" must be a JSON object")]
    [InlineData("""{"event": [1]}""", "\"event\" must be a JSON object")]
    [InlineData("""{"profiel": {}}""", "unknown field \"profiel\"")]
    [InlineData("""{"channel": "fax"}""", "'fax' is not a channel")]
    [InlineData("""{"channel": "push"}""", "has no 'push' section")]
    [InlineData("""{"journey": 3}""", "\"journey\" must be a non-empty string")]
    public async Task A_bad_body_is_400_with_a_clear_message(string json, string message)
    {
        await using var server = await StartAsync(Content());

        var (status, body) = await PreviewAsync(server, "receipt", json);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(message, body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_template_that_fails_with_this_data_is_422_with_the_renderers_message()
    {
        await using var server = await StartAsync(Content());

        var (status, body) = await PreviewAsync(server, "receipt", """{"event": {"at": "2026-03-02T09:00:00Z", "format": "%"}, "channel": "email"}""");

        Assert.Equal((HttpStatusCode)422, status);
        Assert.Contains("does not render", body.GetProperty("error").GetString());
        var error = Assert.Single(body.GetProperty("errors").EnumerateArray()).GetString();
        Assert.Contains("date format \"%\"", error);
    }

    [Fact]
    public async Task Without_the_secret_key_the_preview_is_refused()
    {
        await using var server = await StartAsync(Content());

        var (status, _) = await PreviewAsync(server, "receipt", "{}", withKey: false);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }
}
