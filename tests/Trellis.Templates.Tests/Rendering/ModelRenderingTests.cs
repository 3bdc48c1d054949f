using Trellis.Core.Values;
using static Trellis.Templates.Tests.Support.TemplateHarness;

namespace Trellis.Templates.Tests.Rendering;

public sealed class ModelRenderingTests
{
    [Theory]
    [InlineData("{{profile.first_name}} {{profile.last_name}}", "Ada Lovelace")]
    [InlineData("{{event.order_id}}", "A-1001")]
    [InlineData("{{event.total}} {{profile.hours_saved}}", "1234.5 42")]
    [InlineData("{{profile.vip}}", "true")]
    [InlineData("{{event.at}}", "2026-03-01T23:15:00Z")]
    [InlineData("{{journey.id}}|{{journey.key}}|{{journey.entered_at}}", "welcome|A-1001|2026-11-22T09:30:00Z")]
    [InlineData("{{journey.event.order_id}}", "A-1001")]
    [InlineData("{{unsubscribe_url}} {{preferences_url}}", "https://acme.test/u/abc?t=1&s=2 https://acme.test/p/abc")]
    [InlineData("{{#each profile.tags}}{{@index}}={{this}};{{/each}}", "0=a;1=b;")]
    [InlineData("{{profile.tags.length}} {{profile.tags.[1]}}", "2 b")]
    [InlineData("{{#with profile}}{{first_name}} ({{../journey.id}}){{/with}}", "Ada (welcome)")]
    [InlineData("{{#if profile.vip}}VIP{{else}}-{{/if}}", "VIP")]
    [InlineData("{{#unless profile.missing}}none{{/unless}}", "none")]
    public void Renders_the_model(string source, string expected) =>
        Assert.Equal(expected, Render(source));

    [Theory]
    [InlineData("[{{profile.nope}}]")]
    [InlineData("[{{event.a.b.c}}]")]
    [InlineData("[{{nothing}}]")]
    [InlineData("[{{{profile.nope}}}]")]
    [InlineData("[{{#each profile.nope}}x{{/each}}]")]
    [InlineData("[{{#with profile.nope}}x{{/with}}]")]
    [InlineData("[{{#if profile.nope}}x{{/if}}]")]
    [InlineData("[{{lookup profile \"nope\"}}]")]
    [InlineData("[{{journey.id}}{{journey.event.x}}]")]
    public void Missing_values_render_as_empty_text(string source) =>
        Assert.Equal("[]", Render(source, TemplateModel.Empty));

    [Fact]
    public void A_profile_that_is_not_a_map_renders_empty_members() =>
        Assert.Equal("[]", Render("[{{profile.first_name}}]", new TemplateModel { Profile = Value.String("oops") }));

    [Fact]
    public void Durations_render_as_their_text() =>
        Assert.Equal("1d6h", Render("{{event.gap}}", new TemplateModel
        {
            Event = Map(("gap", Value.FromDuration(NodaTime.Duration.FromHours(30)))),
        }));

    [Fact]
    public void Map_members_that_look_like_dictionary_properties_are_still_missing() =>
        Assert.Equal("[||]", Render("[{{profile.count}}|{{profile.Keys}}|{{profile.Comparer}}]"));

    [Fact]
    public void A_map_nested_in_itself_does_not_overflow_the_stack()
    {
        var entries = new Dictionary<string, Value>();
        var self = Value.Map(entries);
        entries["self"] = self;
        entries["name"] = Value.String("loop");
        Assert.Equal("loop", Render("{{profile.self.self.self.name}}", new TemplateModel { Profile = self }));
    }
}
