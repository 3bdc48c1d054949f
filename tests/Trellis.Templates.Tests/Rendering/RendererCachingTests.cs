using Trellis.Core.Journeys;
using Trellis.Core.Values;
using Trellis.Templates.Tests.Support;
using static Trellis.Templates.Tests.Support.TemplateHarness;

namespace Trellis.Templates.Tests.Rendering;

public sealed class RendererCachingTests
{
    [Fact]
    public void Renders_the_same_definition_from_many_threads()
    {
        var definition = TemplateHarness.Definition(Channel.Email,
            ("subject", "Order {{event.order_id}}"),
            ("html", "<p>{{default profile.first_name \"there\"}} {{number event.total \"0.00\"}}</p>"));
        var renderer = new TemplateRenderer();
        var failures = 0;
        Parallel.For(0, 400, i =>
        {
            var model = new TemplateModel
            {
                Profile = Map(("first_name", Value.String($"P{i}"))),
                Event = Map(("order_id", Value.String($"O{i}")), ("total", Value.Number(i))),
            };
            var message = renderer.Render(definition, Channel.Email, model);
            if (message.Part("subject") != $"Order O{i}" || message.Part("html") != $"<p>P{i} {i}.00</p>")
            {
                Interlocked.Increment(ref failures);
            }
        });
        Assert.Equal(0, failures);
    }

    [Fact]
    public void Different_definitions_with_the_same_id_render_their_own_text()
    {
        var renderer = new TemplateRenderer();
        var before = TemplateHarness.Definition(Channel.Sms, ("body", "v1 {{profile.first_name}}"));
        var after = TemplateHarness.Definition(Channel.Sms, ("body", "v2 {{profile.first_name}}"));
        Assert.Equal("v1 Ada", renderer.Render(before, Channel.Sms, Sample()).Part("body"));
        Assert.Equal("v2 Ada", renderer.Render(after, Channel.Sms, Sample()).Part("body"));
        Assert.Equal("v1 Ada", renderer.Render(before, Channel.Sms, Sample()).Part("body"));
    }

    [Fact]
    public void Prepare_compiles_ahead_and_renders_the_same()
    {
        var renderer = new TemplateRenderer();
        var definition = TemplateHarness.Definition(Channel.Push, ("title", "Hi"), ("body", "{{upper profile.first_name}}"));
        renderer.Prepare(definition);
        var message = renderer.Render(definition, Channel.Push, Sample());
        Assert.Equal(["title", "body"], message.Parts.Keys);
        Assert.Equal("ADA", message.Part("body"));
        Assert.Equal("", message.Part("subject"));
        Assert.Equal(Channel.Push, message.Channel);
        Assert.Equal("test", message.TemplateId);
    }
}
