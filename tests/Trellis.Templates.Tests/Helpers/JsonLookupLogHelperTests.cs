using Trellis.Core.Journeys;
using Trellis.Core.Values;
using Trellis.Templates.Tests.Support;
using static Trellis.Templates.Tests.Support.TemplateHarness;

namespace Trellis.Templates.Tests.Helpers;

public sealed class JsonLookupLogHelperTests
{
    [Theory]
    [InlineData("{{json profile.first_name}}", "\"Ada\"")]
    [InlineData("{{json event.total}}", "1234.5")]
    [InlineData("{{json profile.vip}}", "true")]
    [InlineData("{{json profile.missing}}", "null")]
    [InlineData("{{json profile.tags}}", "[\"a\",\"b\"]")]
    [InlineData("{{json event.at}}", "\"2026-03-01T23:15:00Z\"")]
    public void Json_writes_values_as_json(string source, string expected) =>
        Assert.Equal(expected, Render(source));

    [Fact]
    public void Json_escapes_quotes_and_control_characters_in_text()
    {
        var model = new TemplateModel { Profile = Map(("note", Value.String("say \"hi\"\n"))) };
        Assert.Equal("{\"note\": \"say \\u0022hi\\u0022\\n\" }", Render("{\"note\": {{json profile.note}} }", model));
    }

    [Fact]
    public void Json_writes_maps()
    {
        var model = new TemplateModel { Event = Map(("item", Map(("sku", Value.String("X1")), ("qty", Value.Number(2))))) };
        Assert.Equal("{\"sku\":\"X1\",\"qty\":2}", Render("{{json event.item}}", model));
    }

    [Fact]
    public void Webhook_body_with_json_stays_valid_json()
    {
        var definition = TemplateHarness.Definition(Channel.Webhook,
            ("url", "https://hooks.test/{{journey.id}}"),
            ("body", "{\"name\": {{json profile.company}}, \"order\": {{json event.order_id}} }"));
        var message = new TemplateRenderer().Render(definition, Channel.Webhook, Sample());
        using var document = System.Text.Json.JsonDocument.Parse(message.Part("body"));
        Assert.Equal("Analytical & Co", document.RootElement.GetProperty("name").GetString());
        Assert.Equal("https://hooks.test/welcome", message.Part("url"));
    }

    [Fact]
    public void Lookup_reads_a_member_by_name() =>
        Assert.Equal("Ada", Render("{{lookup profile \"first_name\"}}"));

    [Fact]
    public void Log_renders_nothing() =>
        Assert.Equal("ab", Render("a{{log \"debug\" profile.first_name}}b"));
}
