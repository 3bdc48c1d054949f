using NodaTime;
using Trellis.Core.Values;
using static Trellis.Templates.Tests.Support.TemplateHarness;

namespace Trellis.Templates.Tests.Helpers;

public sealed class ComparisonHelperTests
{
    [Theory]
    [InlineData("{{eq profile.first_name \"Ada\"}}", "true")]
    [InlineData("{{eq profile.first_name \"ada\"}}", "false")]
    [InlineData("{{eq profile.hours_saved 42}}", "true")]
    [InlineData("{{eq profile.hours_saved 42.0}}", "true")]
    [InlineData("{{eq event.total 1234.5}}", "true")]
    [InlineData("{{eq event.total \"1234.50\"}}", "true")]
    [InlineData("{{eq \"42\" \"42.0\"}}", "false")]
    [InlineData("{{eq profile.vip true}}", "true")]
    [InlineData("{{eq profile.missing null}}", "true")]
    [InlineData("{{eq profile.missing profile.also_missing}}", "true")]
    [InlineData("{{eq profile.missing \"\"}}", "false")]
    [InlineData("{{eq profile.hours_saved \"forty-two\"}}", "false")]
    public void Eq_inline_returns_a_boolean(string source, string expected) =>
        Assert.Equal(expected, Render(source));

    [Theory]
    [InlineData("{{ne profile.first_name \"Bob\"}}", "true")]
    [InlineData("{{ne profile.hours_saved 42}}", "false")]
    [InlineData("{{ne profile.missing \"vip\"}}", "true")]
    public void Ne_is_the_opposite_of_eq(string source, string expected) =>
        Assert.Equal(expected, Render(source));

    [Theory]
    [InlineData("\"Ada\"", "yes")]
    [InlineData("\"Bob\"", "no")]
    public void Eq_works_in_a_subexpression(string name, string expected) =>
        Assert.Equal(expected, Render($"{{{{#if (eq profile.first_name {name})}}}}yes{{{{else}}}}no{{{{/if}}}}"));

    [Theory]
    [InlineData("\"Ada\"", "yes")]
    [InlineData("\"Bob\"", "no")]
    public void Eq_works_as_a_block_with_else(string name, string expected) =>
        Assert.Equal(expected, Render($"{{{{#eq profile.first_name {name}}}}}yes{{{{else}}}}no{{{{/eq}}}}"));

    [Theory]
    [InlineData("gold", "G")]
    [InlineData("silver", "S")]
    [InlineData("bronze", "-")]
    public void Eq_blocks_chain_with_else_eq(string tier, string expected)
    {
        var model = new TemplateModel { Profile = Map(("tier", Value.String(tier))) };
        Assert.Equal(expected, Render("{{#eq profile.tier \"gold\"}}G{{else eq profile.tier \"silver\"}}S{{else}}-{{/eq}}", model));
    }

    [Fact]
    public void Eq_block_keeps_the_outer_context() =>
        Assert.Equal("Ada", Render("{{#eq event.order_id \"A-1001\"}}{{profile.first_name}}{{/eq}}"));

    [Theory]
    [InlineData("{{gt event.total 1000}}", "true")]
    [InlineData("{{gt event.total 1234.5}}", "false")]
    [InlineData("{{gte event.total 1234.5}}", "true")]
    [InlineData("{{lt profile.hours_saved 50}}", "true")]
    [InlineData("{{lte profile.hours_saved 41}}", "false")]
    [InlineData("{{gt \"10\" \"9\"}}", "true")]
    [InlineData("{{lt \"apple\" \"banana\"}}", "true")]
    [InlineData("{{gt event.at \"2026-01-01\"}}", "true")]
    [InlineData("{{lt event.at \"2026-03-01T23:15:00.5Z\"}}", "true")]
    [InlineData("{{gt profile.missing 0}}", "false")]
    [InlineData("{{lt profile.missing 0}}", "false")]
    [InlineData("{{gt profile.vip 0}}", "false")]
    public void Orderings_compare_numbers_times_and_text(string source, string expected) =>
        Assert.Equal(expected, Render(source));

    [Fact]
    public void Orderings_work_as_blocks() =>
        Assert.Equal("big", Render("{{#gt event.total 100}}big{{else}}small{{/gt}}"));

    [Theory]
    [InlineData("{{and profile.vip profile.first_name}}", "true")]
    [InlineData("{{and profile.vip profile.missing}}", "false")]
    [InlineData("{{or profile.missing profile.vip}}", "true")]
    [InlineData("{{or profile.missing 0 \"\"}}", "false")]
    [InlineData("{{not profile.missing}}", "true")]
    [InlineData("{{not profile.tags}}", "false")]
    [InlineData("{{#if (and profile.vip (not profile.missing))}}y{{/if}}", "y")]
    [InlineData("{{#or profile.missing profile.vip}}y{{else}}n{{/or}}", "y")]
    public void Logic_helpers_use_handlebars_truthiness(string source, string expected) =>
        Assert.Equal(expected, Render(source));

    [Fact]
    public void Times_from_the_model_compare_as_instants()
    {
        var model = new TemplateModel
        {
            Event = Map(
                ("a", Value.Time(Instant.FromUtc(2026, 1, 1, 0, 0, 0))),
                ("b", Value.Time(Instant.FromUtc(2026, 1, 1, 0, 0, 0).PlusTicks(5)))),
        };
        Assert.Equal("true false", Render("{{lt event.a event.b}} {{eq event.a event.b}}", model));
    }
}
