using FsCheck;
using FsCheck.Fluent;
using Trellis.Core.Journeys;
using Trellis.Templates.Tests.Support;

namespace Trellis.Templates.Tests.Rendering;

/// <summary>Whatever an author writes, checking never throws and rendering throws nothing but <see cref="TemplateRenderException"/>.</summary>
public sealed class RobustnessProperties
{
    private static readonly string[] Fragments =
    [
        "{{", "}}", "{{{", "}}}", "{{#if ", "{{#each ", "{{/if}}", "{{/each}}", "{{else}}", "{{else if x}}", "{{^}}",
        "{{!", "{{!--", "--}}", "\\", "\"", "'", "(", ")", "=", "|", "as |a|", " ", "\n", "~", "[", "]",
        "profile.first_name", "event.total", "this", "@index", "../", "eq", "upper", "date", "number", "default",
        "\"yyyy\"", "\"0.00\"", "x", "1", "-2.5", "true", "null", "<b>", "&", "{", "}",
    ];

    [Fact]
    public void Check_and_render_never_crash()
    {
        var sources = Gen.Elements(Fragments).ArrayOf().Select(parts => string.Concat(parts));
        var renderer = new TemplateRenderer();
        Prop.ForAll(sources.ToArbitrary(), source =>
        {
            _ = TemplateChecker.Check(source);
            var definition = TemplateHarness.Definition(Channel.Email, ("html", source), ("text", source));
            try
            {
                renderer.Render(definition, Channel.Email, TemplateHarness.Sample());
            }
            catch (TemplateRenderException)
            {
            }
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Sources_that_pass_the_check_render()
    {
        var sources = Gen.Elements(Fragments).ArrayOf().Select(parts => string.Concat(parts));
        var renderer = new TemplateRenderer();
        Prop.ForAll(sources.ToArbitrary(), source =>
        {
            if (TemplateChecker.Check(source).Count > 0)
            {
                return true;
            }

            var definition = TemplateHarness.Definition(Channel.Email, ("html", source), ("text", source));
            renderer.Render(definition, Channel.Email, TemplateHarness.Sample());
            return true;
        }).QuickCheckThrowOnFailure();
    }
}
