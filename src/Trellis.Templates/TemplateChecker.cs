using System.Text;
using Trellis.Templates.Checking;
using Trellis.Templates.Rendering;
using Trellis.Templates.Scanning;

namespace Trellis.Templates;

/// <summary>
/// Checks one template part before anything runs: size, Handlebars syntax (unclosed or crossed blocks, bad
/// mustaches, misplaced <c>{{else}}</c>) and helper calls (unknown helpers, wrong argument counts, invalid
/// literal formats). Every issue has a 1-based line within the part and says how to fix it.
/// </summary>
public static class TemplateChecker
{
    public static IReadOnlyList<TemplateIssue> Check(string source)
    {
        source ??= ""; // a YAML part with no value reaches us as null; it is an empty template
        var issues = CheckStructure(source);
        if (issues.Count == 0)
        {
            // Our scan covers the common mistakes with exact lines; Handlebars' own parser is the final word.
            try
            {
                HandlebarsEnvironment.Text.Compile(source);
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                issues.Add(HandlebarsCompileErrors.ToIssue(error, new LineIndex(source).LineCount));
            }
        }

        return issues;
    }

    /// <summary>Everything except compiling with Handlebars: the renderer compiles anyway, so it calls this.</summary>
    internal static List<TemplateIssue> CheckStructure(string source)
    {
        var issues = new List<TemplateIssue>();
        var bytes = Encoding.UTF8.GetByteCount(source);
        if (bytes > TemplateLimits.MaxSourceBytes)
        {
            issues.Add(new(1, $"template part is {bytes} bytes; the limit is {TemplateLimits.MaxSourceBytes} bytes (64 KB): shorten it"));
            return issues;
        }

        var tags = MustacheScanner.Scan(source, new LineIndex(source), issues);
        var blocks = new BlockTracker(issues);
        foreach (var tag in tags)
        {
            CheckTag(tag, blocks, issues);
        }

        blocks.Finish();
        return [.. issues.OrderBy(issue => issue.Line)];
    }

    private static void CheckTag(MustacheTag tag, BlockTracker blocks, List<TemplateIssue> issues)
    {
        var calls = new CallChecker(tag.Line, issues);
        switch (tag.Kind)
        {
            case MustacheTagKind.Expression or MustacheTagKind.Unescaped:
                if (Parse(tag, issues) is { } output)
                {
                    calls.CheckOutput(output);
                }

                break;
            case MustacheTagKind.BlockOpen:
                var block = Parse(tag, issues);
                if (block is not null)
                {
                    calls.CheckBlock(block);
                }

                // Track the block even when its opener is wrong, so its {{/…}} does not cause a second issue.
                blocks.Open(block?.Head.Text ?? FirstWord(tag.Body), tag.Line);
                break;
            case MustacheTagKind.BlockClose:
                blocks.Close(tag.Body, tag.Line);
                break;
            case MustacheTagKind.Else:
                blocks.Else(tag.Line, chained: tag.Body.Length > 0);
                if (tag.Body.Length > 0 && Parse(tag, issues) is { } chained)
                {
                    calls.CheckBlock(chained);
                }

                break;
            case MustacheTagKind.Inverse:
                issues.Add(new(tag.Line, $"'{tag.Display}' is not supported; use {{{{#unless value}}}}…{{{{/unless}}}}, or {{{{else}}}} inside a block"));
                if (tag.Body.Length == 0)
                {
                    blocks.Else(tag.Line, chained: false);
                }
                else
                {
                    blocks.Open(FirstWord(tag.Body), tag.Line);
                }

                break;
            case MustacheTagKind.Partial:
                issues.Add(new(tag.Line, $"partials ('{tag.Display}') are not supported; write the text into the template"));
                break;
            case MustacheTagKind.PartialBlock:
                issues.Add(new(tag.Line, $"partial blocks ('{tag.Display}') are not supported; write the text into the template"));
                blocks.Open(FirstWord(tag.Body), tag.Line);
                break;
            case MustacheTagKind.InlinePartial:
                issues.Add(new(tag.Line, $"inline partials ('{tag.Display}') are not supported; write the text into the template"));
                blocks.Open(FirstWord(tag.Body), tag.Line);
                break;
            case MustacheTagKind.Decorator:
                issues.Add(new(tag.Line, $"decorators ('{tag.Display}') are not supported"));
                break;
            case MustacheTagKind.Ampersand:
                issues.Add(new(tag.Line, $"'{tag.Display}' is not supported; write {{{{{{{tag.Body}}}}}}} for unescaped output"));
                break;
        }
    }

    private static TagCall? Parse(MustacheTag tag, List<TemplateIssue> issues)
    {
        var call = TagParser.Parse(tag.Body, out var error);
        if (error is not null)
        {
            issues.Add(new(tag.Line, $"bad tag '{tag.Display}': {error}"));
        }

        return call;
    }

    private static string FirstWord(string body)
    {
        var trimmed = body.TrimStart();
        var end = 0;
        while (end < trimmed.Length && !char.IsWhiteSpace(trimmed[end]))
        {
            end++;
        }

        return trimmed[..end];
    }
}
