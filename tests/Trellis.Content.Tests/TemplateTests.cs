using Trellis.Content.Tests.Support;
using Trellis.Core.Journeys;

namespace Trellis.Content.Tests;

/// <summary>Template files: id, sections per channel, parts, and template checker issues mapped to file lines.</summary>
public class TemplateTests
{
    private const string File = "templates/bad.template.yaml";

    private static string[] Check(string yaml)
    {
        using var content = new TempContent().Write(File, yaml);
        return content.Diagnostics(File);
    }

    [Fact]
    public void Missing_template_id()
    {
        Assert.Equal(["templates/bad.template.yaml:1: a template file needs 'template'"], Check("sms:\n  body: 'Hi'\n"));
    }

    [Fact]
    public void Template_id_must_be_a_slug()
    {
        Assert.Equal(["templates/bad.template.yaml:1: template id 'Big Welcome' is not a slug: use lowercase letters and digits, with single '-' or '_' between words (e.g. trial-to-paid)"],
            Check("template: Big Welcome\nsms:\n  body: 'Hi'\n"));
    }

    [Fact]
    public void Unknown_section()
    {
        Assert.Equal(["templates/bad.template.yaml:2: unknown section 'emial'; did you mean 'email'? sections (one per channel) are: email, sms, push, in_app, webhook, direct_mail, task"],
            Check("template: t\nemial:\n  subject: 'Hi'\n"));
    }

    [Fact]
    public void Unknown_part()
    {
        Assert.Equal(["templates/bad.template.yaml:4: unknown part 'title' in the sms section; parts are: body"],
            Check("template: t\nsms:\n  body: 'Hi'\n  title: 'Hello'\n"));
    }

    [Fact]
    public void Email_needs_subject_and_a_body()
    {
        Assert.Equal(
        [
            "templates/bad.template.yaml:2: the email section needs 'subject'",
            "templates/bad.template.yaml:2: the email section needs 'html', 'text' or both",
        ], Check("template: t\nemail: {}\n"));
    }

    [Fact]
    public void Email_subject_misspelt()
    {
        Assert.Equal(
        [
            "templates/bad.template.yaml:2: the email section needs 'subject'",
            "templates/bad.template.yaml:3: unknown part 'subjet' in the email section; did you mean 'subject'? parts are: subject, html, text",
        ], Check("template: t\nemail:\n  subjet: 'Hi'\n  text: 'Hello'\n"));
    }

    [Fact]
    public void Template_with_no_section()
    {
        Assert.Equal(["templates/bad.template.yaml:1: template 't' has no channel section; add one of: email, sms, push, in_app, webhook, direct_mail, task"],
            Check("template: t\n"));
    }

    [Fact]
    public void Part_must_be_text()
    {
        Assert.Equal(["templates/bad.template.yaml:3: sms.body must be text, not a list"], Check("template: t\nsms:\n  body: [a, b]\n"));
    }

    [Fact]
    public void Unknown_helper_is_reported_on_its_line_in_a_block()
    {
        Assert.Equal(["templates/bad.template.yaml:7: email.html: unknown helper 'shout'"],
            Check("""
                template: t
                email:
                  subject: 'Hi'
                  html: |
                    <p>Hello</p>

                    <p>{{shout profile.name}}</p>
                """).Select(d => d.Split(';')[0]).ToArray());
    }

    [Fact]
    public void Unknown_helper_in_a_one_line_part()
    {
        Assert.Equal(["templates/bad.template.yaml:3: sms.body: unknown helper 'shout'"],
            Check("template: t\nsms:\n  body: 'Hi {{shout profile.name}}'\n").Select(d => d.Split(';')[0]).ToArray());
    }

    [Fact]
    public void Duplicate_template_id()
    {
        using var content = new TempContent()
            .Write("templates/a.template.yaml", "template: t\nsms:\n  body: 'a'\n")
            .Write("templates/b.template.yaml", "template: t\nsms:\n  body: 'b'\n");
        Assert.Equal(["templates/b.template.yaml:1: duplicate template id 't' (also in templates/a.template.yaml:1)"], content.Diagnostics());
    }

    [Fact]
    public void Sections_and_parts_are_read()
    {
        using var content = new TempContent().Write(File, "template: t\nemail:\n  subject: 'Hi'\n  text: |\n    Hello\nsms:\n  body: 'Yo'\n");
        var set = content.Load(File);
        Assert.Empty(set.Diagnostics);
        var t = Assert.Single(set.Templates);
        Assert.Equal("Hello\n", t.Sections[Channel.Email]["text"]);
        Assert.True(t.Supports(Channel.Sms));
        Assert.False(t.Supports(Channel.Push));
    }
}
