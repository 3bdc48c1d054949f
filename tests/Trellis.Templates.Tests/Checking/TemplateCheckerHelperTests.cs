using Trellis.Templates.Helpers;

namespace Trellis.Templates.Tests.Checking;

public sealed class TemplateCheckerHelperTests
{
    [Fact]
    public void Unknown_helper_is_reported_with_its_line_a_suggestion_and_the_choices()
    {
        var issue = Assert.Single(TemplateChecker.Check("Hello,\n\n  {{uper profile.name}}!"));
        Assert.Equal(3, issue.Line);
        Assert.StartsWith("unknown helper 'uper' (did you mean 'upper'?); helpers are default, eq, ne,", issue.Message);
        Assert.Contains("and Handlebars' if, unless, each, with, lookup, log", issue.Message);
    }

    [Theory]
    [InlineData("{{profile.first_name}}")]
    [InlineData("{{unsubscribe_url}}")]
    [InlineData("{{foo}}")]
    [InlineData("{{this}}")]
    [InlineData("{{@index}}")]
    public void A_path_without_arguments_is_not_a_helper_call(string source) =>
        Assert.Empty(TemplateChecker.Check(source));

    [Theory]
    [InlineData("{{shout profile.name}}", "unknown helper 'shout'")]
    [InlineData("{{{shout profile.name}}}", "unknown helper 'shout'")]
    [InlineData("{{shout key=1}}", "unknown helper 'shout'")]
    [InlineData("{{#if (equals a b)}}x{{/if}}", "unknown helper 'equals'")]
    [InlineData("{{upper (shout a)}}", "unknown helper 'shout'")]
    [InlineData("{{default a (shout b)}}", "unknown helper 'shout'")]
    [InlineData("{{#if a}}x{{else iff b}}y{{/if}}", "unknown block helper 'iff' (did you mean 'if'?)")]
    [InlineData("{{#fi a}}x{{/fi}}", "unknown block helper 'fi' (did you mean 'if'?)")]
    [InlineData("{{#profile}}x{{/profile}}", "write {{#with profile}} or {{#each profile}}")]
    [InlineData("{{profile.name \"x\"}}", "'profile.name' is followed by arguments")]
    [InlineData("{{(profile.name)}}", "must start with a helper name")]
    [InlineData("{{if profile.vip}}", "'if' is a block helper; write {{#if value}}")]
    [InlineData("{{each}}", "'each' is a block helper")]
    [InlineData("{{#if (each a)}}x{{/if}}", "can't be used in '( )'")]
    [InlineData("{{#upper a}}x{{/upper}}", "'upper' can't open a block; write {{upper profile.last_name}}")]
    [InlineData("{{#lookup a \"b\"}}x{{/lookup}}", "'lookup' can't open a block")]
    [InlineData("{{#eq a b as |x|}}x{{/eq}}", "block parameters work only with each and with")]
    public void Reports_helper_misuse(string source, string fragment)
    {
        var issue = Assert.Single(TemplateChecker.Check(source));
        Assert.Contains(fragment, issue.Message);
    }

    [Theory]
    [InlineData("{{eq a}}", "helper 'eq' takes 2 arguments, got 1")]
    [InlineData("{{ne a b c}}", "helper 'ne' takes 2 arguments, got 3")]
    [InlineData("{{date event.at}}", "helper 'date' takes 2 to 3 arguments, got 1")]
    [InlineData("{{number}}", "helper 'number' takes 1 to 2 arguments, got 0")]
    [InlineData("{{default a}}", "helper 'default' takes at least 2 arguments, got 1")]
    [InlineData("{{#if a b}}x{{/if}}", "helper 'if' takes 1 argument, got 2")]
    [InlineData("{{#each}}x{{/each}}", "helper 'each' takes 1 argument, got 0")]
    [InlineData("{{lookup profile}}", "helper 'lookup' takes 2 arguments, got 1")]
    [InlineData("{{#if (not)}}x{{/if}}", "helper 'not' takes 1 argument, got 0")]
    public void Reports_wrong_argument_counts(string source, string fragment)
    {
        var issue = Assert.Single(TemplateChecker.Check(source));
        Assert.Contains(fragment, issue.Message);
    }

    [Fact]
    public void A_helper_name_used_alone_hints_at_reading_a_value_of_that_name()
    {
        var issue = Assert.Single(TemplateChecker.Check("{{#each items}}{{number}}{{/each}}"));
        Assert.Contains("to read a value named 'number' write {{this.number}}", issue.Message);
    }

    [Fact]
    public void Trellis_helpers_take_no_named_arguments()
    {
        var issue = Assert.Single(TemplateChecker.Check("{{upper profile.name locale=\"fr\"}}"));
        Assert.Contains("takes no named arguments ('locale=…')", issue.Message);
    }

    [Theory]
    [InlineData("{{date event.at \"%\"}}", "date format \"%\" is not a valid .NET date format")]
    [InlineData("{{date event.at \"\"}}", "date format \"\" is not a valid")]
    [InlineData("{{date event.at \"yyyy\" \"Mars/Olympus\"}}", "unknown time zone \"Mars/Olympus\"")]
    [InlineData("{{number event.total \"Q\"}}", "number format \"Q\" is not a valid .NET number format")]
    public void Checks_literal_formats_and_time_zones(string source, string fragment)
    {
        var issue = Assert.Single(TemplateChecker.Check(source));
        Assert.Contains(fragment, issue.Message);
    }

    [Fact]
    public void Formats_and_zones_read_from_data_are_not_checked_before_rendering() =>
        Assert.Empty(TemplateChecker.Check("{{date event.at profile.format profile.timezone}}"));

    public static TheoryData<string> HelperUsages() => [.. HelperCatalog.All.Select(h => h.Usage)];

    [Theory]
    [MemberData(nameof(HelperUsages))]
    public void Every_documented_usage_passes_the_check(string usage) =>
        Assert.Empty(TemplateChecker.Check(usage));

    [Fact]
    public void Reports_several_issues_on_their_own_lines()
    {
        var issues = TemplateChecker.Check("{{uper a}}\nok {{x}}\n{{#if (eqq a b)}}y{{/if}}\n{{lowr b}}");
        Assert.Equal([1, 3, 4], issues.Select(i => i.Line));
    }
}
