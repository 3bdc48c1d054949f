namespace Trellis.Templates.Checking;

/// <summary>
/// Matches <c>{{#block}}</c> with <c>{{/block}}</c> and places <c>{{else}}</c>, so an unclosed or crossed block
/// is reported at the line where it was opened, with the tag that fixes it.
/// </summary>
internal sealed class BlockTracker(ICollection<TemplateIssue> issues)
{
    private readonly Stack<OpenBlock> _open = new();

    public void Open(string name, int line)
    {
        if (_open.Count == TemplateLimits.MaxNestingDepth)
        {
            issues.Add(new(line, $"blocks nest more than {TemplateLimits.MaxNestingDepth} deep; flatten the template"));
        }

        _open.Push(new OpenBlock(name, line));
    }

    public void Close(string body, int line)
    {
        var words = body.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length != 1)
        {
            issues.Add(new(line, $"closing tag '{{{{/{body}}}}}' must name only its block, e.g. {{{{/if}}}}"));
            if (words.Length == 0)
            {
                return;
            }
        }

        // Match on the first word even after a malformed closer, so one mistake gives one issue.
        var name = words[0];

        if (!_open.Any(b => b.Name == name))
        {
            if (words.Length != 1)
            {
                return;
            }

            issues.Add(new(line, $"'{{{{/{name}}}}}' has no matching '{{{{#{name} …}}}}'; remove it or open the block"));
            return;
        }

        while (_open.Peek().Name != name)
        {
            var inner = _open.Pop();
            issues.Add(new(inner.Line,
                $"'{{{{#{inner.Name}}}}}' opened on line {inner.Line} is not closed before '{{{{/{name}}}}}' on line {line}; add '{{{{/{inner.Name}}}}}'"));
        }

        _open.Pop();
    }

    public void Else(int line, bool chained)
    {
        if (_open.Count == 0)
        {
            issues.Add(new(line, "'{{else}}' is outside any block; it belongs between '{{#if …}}' and '{{/if}}'"));
            return;
        }

        var block = _open.Peek();
        if (block.SawPlainElse)
        {
            issues.Add(new(line, $"'{{{{#{block.Name}}}}}' from line {block.Line} already has a plain '{{{{else}}}}'; it must be the last one"));
            return;
        }

        block.SawPlainElse = !chained;
    }

    public void Finish()
    {
        foreach (var block in _open.Reverse())
        {
            issues.Add(new(block.Line, $"'{{{{#{block.Name}}}}}' opened on line {block.Line} is never closed; add '{{{{/{block.Name}}}}}'"));
        }

        _open.Clear();
    }
}
