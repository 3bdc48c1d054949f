using Trellis.Core.Journeys;
using Trellis.Core.Values;
using Trellis.Templates.Tests.Support;
using static Trellis.Templates.Tests.Support.TemplateHarness;

namespace Trellis.Templates.Tests.Rendering;

public sealed class EscapingTests
{
    private static readonly TemplateModel Hostile = new()
    {
        Profile = Map(("first_name", Value.String("<script>alert('x')</script> & \"q\""))),
        UnsubscribeUrl = "https://acme.test/u?a=1&b=2",
    };

    [Fact]
    public void Html_part_escapes_values() =>
        Assert.Equal("<p>&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &quot;q&quot;</p>",
            Render("<p>{{profile.first_name}}</p>", Hostile, part: "html"));

    [Fact]
    public void Html_part_escapes_helper_output() =>
        Assert.Equal("&lt;SCRIPT&gt;", Render("{{upper \"<script>\"}}", Hostile, part: "html"));

    [Fact]
    public void Html_part_escapes_ampersands_in_urls_inside_attributes() =>
        Assert.Equal("<a href=\"https://acme.test/u?a&#x3D;1&amp;b&#x3D;2\">x</a>",
            Render("<a href=\"{{unsubscribe_url}}\">x</a>", Hostile, part: "html"));

    [Fact]
    public void Triple_mustache_is_the_explicit_opt_out_in_html() =>
        Assert.Equal("<b>bold</b>", Render("{{{profile.sig}}}",
            new TemplateModel { Profile = Map(("sig", Value.String("<b>bold</b>"))) }, part: "html"));

    [Theory]
    [InlineData("subject")]
    [InlineData("text")]
    public void Email_text_parts_are_not_escaped(string part) =>
        Assert.Equal("<script>alert('x')</script> & \"q\"", Render("{{profile.first_name}}", Hostile, part: part));

    [Theory]
    [InlineData(Channel.Sms, "body")]
    [InlineData(Channel.Push, "title")]
    [InlineData(Channel.Push, "body")]
    [InlineData(Channel.InApp, "body")]
    [InlineData(Channel.Task, "title")]
    [InlineData(Channel.DirectMail, "body")]
    [InlineData(Channel.Webhook, "body")]
    [InlineData(Channel.Webhook, "url")]
    public void Other_channels_are_plain_text(Channel channel, string part)
    {
        var definition = TemplateHarness.Definition(channel, (part, "{{profile.first_name}} {{unsubscribe_url}}"));
        var message = new TemplateRenderer().Render(definition, channel, Hostile);
        Assert.Equal("<script>alert('x')</script> & \"q\" https://acme.test/u?a=1&b=2", message.Part(part));
    }

    [Fact]
    public void One_section_escapes_only_its_html_part()
    {
        var definition = TemplateHarness.Definition(Channel.Email,
            ("subject", "{{profile.first_name}}"), ("html", "{{profile.first_name}}"), ("text", "{{profile.first_name}}"));
        var message = new TemplateRenderer().Render(definition, Channel.Email, Hostile);
        Assert.DoesNotContain("<script>", message.Part("html"));
        Assert.Contains("<script>", message.Part("subject"));
        Assert.Contains("<script>", message.Part("text"));
    }
}
