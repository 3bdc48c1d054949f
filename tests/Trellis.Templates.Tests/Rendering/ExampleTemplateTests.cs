using Trellis.Core.Journeys;
using Trellis.Templates.Tests.Support;

namespace Trellis.Templates.Tests.Rendering;

/// <summary>The shared example templates are acceptance fixtures: every part must check clean and render.</summary>
public sealed class ExampleTemplateTests
{
    private static readonly TemplateRenderer Renderer = new();

    [Fact]
    public void All_27_examples_are_found() =>
        Assert.Equal(27, ExampleTemplates.Files().Count);

    [Theory]
    [MemberData(nameof(ExampleTemplates.FileNames), MemberType = typeof(ExampleTemplates))]
    public void Every_part_passes_the_check(string fileName)
    {
        var definition = ExampleTemplates.Load(fileName);
        foreach (var (channel, parts) in definition.Sections)
        {
            foreach (var (part, source) in parts)
            {
                Assert.True(TemplateChecker.Check(source).Count == 0,
                    $"{fileName} {channel.Name()}.{part}: {string.Join("; ", TemplateChecker.Check(source))}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(ExampleTemplates.FileNames), MemberType = typeof(ExampleTemplates))]
    public void Every_section_renders_with_a_full_and_an_empty_model(string fileName)
    {
        var definition = ExampleTemplates.Load(fileName);
        foreach (var (channel, parts) in definition.Sections)
        {
            foreach (var model in new[] { TemplateHarness.Sample(), TemplateModel.Empty })
            {
                var message = Renderer.Render(definition, channel, model);
                Assert.Equal(parts.Keys.Order(), message.Parts.Keys.Order());
                Assert.All(message.Parts.Values, text => Assert.DoesNotContain("{{", text));
            }
        }
    }

    [Fact]
    public void Order_confirmation_renders_the_entering_event()
    {
        var message = Renderer.Render(ExampleTemplates.Load("order-confirmation.template.yaml"), Channel.Email, TemplateHarness.Sample());
        Assert.Equal("Order A-1001 confirmed", message.Part("subject"));
        Assert.Contains("<p>Thanks for your order of 1234.5.</p>", message.Part("html"));
        Assert.Contains("<a href=\"https://acme.test/u/abc?t&#x3D;1&amp;s&#x3D;2\">", message.Part("html"));
        Assert.Contains("Unsubscribe: https://acme.test/u/abc?t=1&s=2", message.Part("text"));
    }

    [Fact]
    public void Trial_welcome_falls_back_when_the_name_is_missing()
    {
        var message = Renderer.Render(ExampleTemplates.Load("trial-welcome.template.yaml"), Channel.Email, TemplateModel.Empty);
        Assert.Equal("Welcome to Acme, there", message.Part("subject"));
        Assert.StartsWith("<p>Hi there,</p>", message.Part("html"));
    }

    [Fact]
    public void Sms_and_task_sections_are_plain_text()
    {
        var sms = Renderer.Render(ExampleTemplates.Load("payment-reminder.template.yaml"), Channel.Sms, TemplateHarness.Sample());
        Assert.Equal("Acme: your payment failed. Update your card: https://acme.test/billing?u=1&x=2", sms.Part("body"));
        var task = Renderer.Render(ExampleTemplates.Load("concierge-outreach.template.yaml"), Channel.Task, TemplateHarness.Sample());
        Assert.Equal("Concierge call before renewal: Analytical & Co", task.Part("title"));
    }
}
