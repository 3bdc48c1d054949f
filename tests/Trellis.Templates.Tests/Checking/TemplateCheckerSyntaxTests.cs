namespace Trellis.Templates.Tests.Checking;

public sealed class TemplateCheckerSyntaxTests
{
    [Theory]
    [InlineData("plain text, no tags")]
    [InlineData("Hi {{profile.first_name}}, {{unsubscribe_url}}")]
    [InlineData("{{foo}}")]
    [InlineData("{{{profile.signature}}}")]
    [InlineData("{{!-- {{uper x}} and }} inside a long comment --}}")]
    [InlineData("{{! a short comment }}")]
    [InlineData("\\{{uper x}} is literal text")]
    [InlineData("{{~#if profile.vip~}} VIP {{~/if~}}")]
    [InlineData("{{#each profile.tags as |tag i|}}{{i}}:{{tag}}{{/each}}")]
    [InlineData("{{#if a}}x{{else if b}}y{{else}}z{{/if}}")]
    [InlineData("{{#each list}}{{@index}} {{this}}{{else}}none{{/each}}")]
    [InlineData("{{#with profile}}{{first_name}} {{../unsubscribe_url}}{{/with}}")]
    [InlineData("{{default profile.first_name \"a }} b {{ c\"}}")]
    [InlineData("{{default profile.first_name 'single quoted'}}")]
    [InlineData("{{#if (eq profile.plan (lower \"PRO\"))}}pro{{/if}}")]
    [InlineData("{{profile.[first name]}} {{@root.profile.first_name}}")]
    [InlineData("{{lookup profile \"first_name\"}} {{log \"seen\" level=\"info\"}}")]
    [InlineData("{\"name\": {{json profile.first_name}} }")]
    [InlineData("{{# if profile.vip }}spaced{{/ if }}")]
    [InlineData("a } b }} c { d")]
    public void Accepts_valid_templates(string source) =>
        Assert.Empty(TemplateChecker.Check(source));

    [Theory]
    [InlineData("a\n{{#if profile.vip}}\nb", 2, "'{{#if}}' opened on line 2 is never closed; add '{{/if}}'")]
    [InlineData("{{#if a}}\n{{#each b}}\n{{/if}}", 2, "not closed before '{{/if}}' on line 3")]
    [InlineData("x\n{{/if}}", 2, "has no matching")]
    [InlineData("a\n\n{{else}}", 3, "outside any block")]
    [InlineData("{{#if a}}x{{else}}y{{else}}z{{/if}}", 1, "already has a plain")]
    [InlineData("a\nb {{profile.name\nc", 2, "never closed; add '}}'")]
    [InlineData("{{x {{y}}", 1, "not closed before the next")]
    [InlineData("{{{x}}", 1, "must be closed with '}}}'")]
    [InlineData("{{x}}}", 1, "put a space before a literal '}'")]
    [InlineData("a\n{{!-- never closed", 2, "comment is never closed")]
    [InlineData("{{}}", 1, "empty tag")]
    [InlineData("{{default x 'b}}", 1, "string literal")]
    [InlineData("{{eq (lower a}}", 1, "'(' is never closed")]
    [InlineData("{{eq a b)}}", 1, "unexpected ')'")]
    [InlineData("{{upper ()}}", 1, "empty '()'")]
    [InlineData("{{upper x y=}}", 1, "needs a value")]
    [InlineData("{{a#b}}", 1, "unexpected '#'")]
    [InlineData("{{profile.[first}}", 1, "'[' in")]
    [InlineData("{{#each xs as |x}}{{/each}}", 1, "as |item|")]
    [InlineData("{{> header}}", 1, "partials")]
    [InlineData("{{#> layout}}x{{/layout}}", 1, "partial blocks")]
    [InlineData("{{#*inline \"p\"}}x{{/inline}}", 1, "inline partials")]
    [InlineData("{{^profile.vip}}x{{/profile.vip}}", 1, "{{#unless value}}")]
    [InlineData("{{#if a}}x{{^}}y{{/if}}", 1, "{{#unless value}}")]
    [InlineData("{{&profile.name}}", 1, "{{{profile.name}}}")]
    [InlineData("{{*decorate}}", 1, "decorators")]
    [InlineData("{{{{raw}}}}x{{{{/raw}}}}", 1, "raw blocks")]
    [InlineData("{{#if a}}x{{/if b}}", 1, "must name only its block")]
    public void Reports_syntax_errors_at_their_line(string source, int line, string fragment)
    {
        var issue = Assert.Single(TemplateChecker.Check(source));
        Assert.Equal(line, issue.Line);
        Assert.Contains(fragment, issue.Message);
    }

    [Fact]
    public void Reports_every_unclosed_block_in_line_order()
    {
        var issues = TemplateChecker.Check("{{#if a}}\n{{#each b}}\n{{#with c}}");
        Assert.Equal([1, 2, 3], issues.Select(i => i.Line));
    }

    [Fact]
    public void A_wrong_opener_does_not_also_report_its_closer()
    {
        var issue = Assert.Single(TemplateChecker.Check("{{#frobnicate a}}x{{/frobnicate}}"));
        Assert.Contains("unknown block helper 'frobnicate'", issue.Message);
    }

    [Fact]
    public void Rejects_sources_over_64_KB_without_scanning_them()
    {
        var source = new string('x', TemplateLimits.MaxSourceBytes) + "{{uper x}}";
        var issue = Assert.Single(TemplateChecker.Check(source));
        Assert.Equal(1, issue.Line);
        Assert.Contains("64 KB", issue.Message);
    }

    [Fact]
    public void Counts_the_size_in_UTF8_bytes()
    {
        var justUnder = new string('é', TemplateLimits.MaxSourceBytes / 2);
        Assert.Empty(TemplateChecker.Check(justUnder));
        Assert.Single(TemplateChecker.Check(justUnder + "é"));
    }

    [Fact]
    public void Limits_block_nesting()
    {
        var depth = TemplateLimits.MaxNestingDepth;
        string Nested(int n) => string.Concat(Enumerable.Repeat("{{#if a}}\n", n)) + string.Concat(Enumerable.Repeat("{{/if}}", n));
        Assert.Empty(TemplateChecker.Check(Nested(depth)));
        var issue = Assert.Single(TemplateChecker.Check(Nested(depth + 1)));
        Assert.Equal(depth + 1, issue.Line);
        Assert.Contains("nest more than", issue.Message);
    }

    [Fact]
    public void Limits_subexpression_nesting_without_exhausting_the_stack()
    {
        var source = "{{upper " + new string('(', 30_000) + "lower a" + new string(')', 30_000) + "}}";
        var issue = Assert.Single(TemplateChecker.Check(source));
        Assert.Contains("subexpressions nest more than", issue.Message);
    }

    [Fact]
    public void Null_source_is_treated_as_empty() =>
        Assert.Empty(TemplateChecker.Check(null!));
}
