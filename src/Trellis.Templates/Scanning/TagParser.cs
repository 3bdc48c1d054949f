namespace Trellis.Templates.Scanning;

/// <summary>
/// Parses a tag body into a <see cref="TagCall"/>: <c>head arg… name=value… [as |a b|]</c>, where any
/// argument may be a parenthesised subexpression. Errors are plain sentences for the checker to report.
/// </summary>
internal sealed class TagParser
{
    private readonly IReadOnlyList<TagToken> _tokens;
    private int _position;
    private int _depth;
    private string? _error;

    private TagParser(IReadOnlyList<TagToken> tokens) => _tokens = tokens;

    public static TagCall? Parse(string body, out string? error)
    {
        var tokens = TagTokenizer.Tokenize(body, out error);
        if (error is not null)
        {
            return null;
        }

        if (tokens.Count == 0)
        {
            error = "empty tag; write a path such as {{profile.first_name}} or a helper call";
            return null;
        }

        var parser = new TagParser(tokens);
        var call = parser.ParseCall(insideParentheses: false);
        error = parser._error;
        return error is null ? call : null;
    }

    private TagToken? Peek(int ahead = 0) =>
        _position + ahead < _tokens.Count ? _tokens[_position + ahead] : null;

    private TagCall? ParseCall(bool insideParentheses)
    {
        var head = ParseNode();
        if (head is null)
        {
            return null;
        }

        var arguments = new List<TagNode>();
        var named = new List<KeyValuePair<string, TagNode>>();
        var blockParameters = new List<string>();
        while (_error is null && Peek() is { } token)
        {
            if (token.Kind == TagTokenKind.CloseParen)
            {
                if (insideParentheses)
                {
                    return new(head, arguments, named, blockParameters);
                }

                return Fail("unexpected ')' without a matching '('");
            }

            if (token.Kind == TagTokenKind.Word && Peek(1)?.Kind == TagTokenKind.Equals)
            {
                _position += 2;
                if (Peek() is null or { Kind: TagTokenKind.CloseParen or TagTokenKind.Equals or TagTokenKind.Pipe })
                {
                    return Fail($"named argument '{token.Value}=' needs a value");
                }

                var value = ParseNode();
                if (value is null)
                {
                    return null;
                }

                named.Add(new(token.Value, value));
            }
            else if (token is { Kind: TagTokenKind.Word, Value: "as" } && Peek(1)?.Kind == TagTokenKind.Pipe && !insideParentheses)
            {
                if (!ReadBlockParameters(blockParameters))
                {
                    return null;
                }
            }
            else
            {
                if (named.Count > 0 || blockParameters.Count > 0)
                {
                    return Fail("positional arguments must come before named arguments and 'as |…|'");
                }

                var argument = ParseNode();
                if (argument is null)
                {
                    return null;
                }

                arguments.Add(argument);
            }
        }

        if (_error is not null)
        {
            return null;
        }

        return insideParentheses ? Fail("'(' is never closed; add ')'") : new(head, arguments, named, blockParameters);
    }

    private bool ReadBlockParameters(List<string> names)
    {
        _position += 2; // "as" and the opening "|"
        while (Peek() is { Kind: TagTokenKind.Word } word)
        {
            names.Add(word.Value);
            _position++;
        }

        if (Peek()?.Kind != TagTokenKind.Pipe || names.Count == 0)
        {
            Fail("block parameters are written 'as |item|' or 'as |item index|'");
            return false;
        }

        _position++;
        return true;
    }

    private TagNode? ParseNode()
    {
        var token = Peek();
        if (token is null)
        {
            return FailNode("a tag ended where a value was expected");
        }

        _position++;
        switch (token.Kind)
        {
            case TagTokenKind.Text:
                return new(TagNodeKind.Text, token.Value);
            case TagTokenKind.Word:
                return TagNode.FromWord(token.Value);
            case TagTokenKind.OpenParen:
                if (Peek()?.Kind == TagTokenKind.CloseParen)
                {
                    return FailNode("empty '()'; a subexpression is a helper call such as (eq a b)");
                }

                if (++_depth > TemplateLimits.MaxNestingDepth)
                {
                    return FailNode($"subexpressions nest more than {TemplateLimits.MaxNestingDepth} deep");
                }

                var call = ParseCall(insideParentheses: true);
                _depth--;
                if (call is null)
                {
                    return null;
                }

                _position++; // the ")" that ParseCall stopped at
                return new(TagNodeKind.SubExpression, call.Head.Text, call);
            default:
                return FailNode($"unexpected '{token.Value}'");
        }
    }

    private TagCall? Fail(string message)
    {
        _error ??= message;
        return null;
    }

    private TagNode? FailNode(string message)
    {
        _error ??= message;
        return null;
    }
}
