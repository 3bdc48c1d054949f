using Trellis.Core.Journeys;
using Trellis.Core.Values;
using Trellis.Templates.Tests.Support;
using static Trellis.Templates.Tests.Support.TemplateHarness;

namespace Trellis.Templates.Tests.Rendering;

public sealed class RenderErrorTests
{
    [Fact]
    public void A_missing_section_is_a_typed_error()
    {
        var definition = TemplateHarness.Definition(Channel.Email, ("text", "hi"));
        var error = Assert.Throws<TemplateRenderException>(() => new TemplateRenderer().Render(definition, Channel.Sms, Sample()));
        Assert.Equal(TemplateRenderErrorKind.MissingSection, error.Kind);
        Assert.Null(error.Part);
        Assert.Equal("template 'test', sms: the template has no 'sms' section", error.Message);
    }

    [Fact]
    public void An_invalid_part_is_a_typed_error_naming_part_and_line()
    {
        var definition = TemplateHarness.Definition(Channel.Email, ("subject", "ok"), ("text", "line one\n{{uper profile.first_name}}"));
        var error = Assert.Throws<TemplateRenderException>(() => new TemplateRenderer().Render(definition, Channel.Email, Sample()));
        Assert.Equal(TemplateRenderErrorKind.InvalidTemplate, error.Kind);
        Assert.Equal("text", error.Part);
        Assert.StartsWith("template 'test', email.text: line 2: unknown helper 'uper'", error.Message);
    }

    [Fact]
    public void Invalid_parts_fail_only_their_own_section()
    {
        var definition = new Trellis.Core.Templates.TemplateDefinition
        {
            Id = "mixed",
            Sections = new Dictionary<Channel, IReadOnlyDictionary<string, string>>
            {
                [Channel.Email] = new Dictionary<string, string> { ["text"] = "{{#if x}}" },
                [Channel.Sms] = new Dictionary<string, string> { ["body"] = "Hi {{profile.first_name}}" },
            },
            Location = new SourceLocation("mixed.template.yaml", 1),
        };
        var renderer = new TemplateRenderer();
        Assert.Equal("Hi Ada", renderer.Render(definition, Channel.Sms, Sample()).Part("body"));
        Assert.Throws<TemplateRenderException>(() => renderer.Render(definition, Channel.Email, Sample()));
    }

    [Fact]
    public void Each_over_a_huge_list_stops_at_the_output_cap()
    {
        var huge = Value.List([.. Enumerable.Repeat(Value.String("0123456789"), 200_000)]);
        var model = new TemplateModel { Event = Map(("items", huge)) };
        var error = Assert.Throws<TemplateRenderException>(() => Render("{{#each event.items}}{{this}},{{/each}}", model));
        Assert.Equal(TemplateRenderErrorKind.OutputTooLarge, error.Kind);
        Assert.Contains($"exceeds {TemplateLimits.MaxRenderedPartBytes} bytes", error.Message);
    }

    [Fact]
    public void The_cap_is_per_part_and_configurable()
    {
        var renderer = new TemplateRenderer(maxRenderedPartBytes: 10);
        Assert.Equal("0123456789", Render("0123456789", renderer: renderer));
        var error = Assert.Throws<TemplateRenderException>(() => Render("0123456789{{profile.first_name}}", renderer: renderer));
        Assert.Equal(TemplateRenderErrorKind.OutputTooLarge, error.Kind);
    }

    [Fact]
    public void The_cap_counts_utf8_bytes()
    {
        var renderer = new TemplateRenderer(maxRenderedPartBytes: 4);
        Assert.Equal("éé", Render("éé", renderer: renderer));
        Assert.Throws<TemplateRenderException>(() => Render("ééé", renderer: renderer));
    }

    [Fact]
    public void The_cap_must_be_positive() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new TemplateRenderer(0));
}
