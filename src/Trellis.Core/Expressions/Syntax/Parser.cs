using Trellis.Core.Expressions.Evaluation;
using Trellis.Core.Expressions.Nodes;

namespace Trellis.Core.Expressions.Syntax;

/// <summary>
/// Recursive-descent parser, lowest precedence first: <c>||</c>, <c>&amp;&amp;</c>, prefix <c>!</c>, comparisons
/// and <c>in</c>, <c>+ -</c>, <c>* /</c>, prefix <c>-</c> (and <c>!</c>), postfix <c>.member</c>. Recursion is
/// only entered through parentheses, lists, call arguments and prefix operators, and that nesting is capped
/// at <see cref="ExpressionLimits.MaxDepth"/>, so no input can exhaust the stack; the node count is capped too.
/// </summary>
internal sealed class Parser
{
    private readonly IReadOnlyList<Token> _tokens;
    private int _position;
    private int _depth;
    private int _nodes;

    private Parser(IReadOnlyList<Token> tokens) => _tokens = tokens;

    /// <summary>Parses a whole expression; throws <see cref="ExpressionSyntaxException"/> at the first syntax error.</summary>
    public static ExpressionNode Parse(string source)
    {
        var parser = new Parser(Lexer.Tokenize(source));
        var root = parser.ParseOr();
        parser.ExpectEnd();
        return root;
    }

    private Token Current => _tokens[_position];

    private Token Next => _tokens[Math.Min(_position + 1, _tokens.Count - 1)];

    private Token Advance()
    {
        var token = Current;
        if (token.Kind != TokenKind.End)
        {
            _position++;
        }

        return token;
    }

    private ExpressionNode ParseOr()
    {
        var left = ParseAnd();
        while (Current.Kind == TokenKind.OrOr)
        {
            var op = Advance();
            left = Node(new LogicalNode(op.Column, isAnd: false, left, ParseAnd()));
        }

        return left;
    }

    private ExpressionNode ParseAnd()
    {
        var left = ParseNot();
        while (Current.Kind == TokenKind.AndAnd)
        {
            var op = Advance();
            left = Node(new LogicalNode(op.Column, isAnd: true, left, ParseNot()));
        }

        return left;
    }

    /// <summary><c>!</c> binds looser than comparisons: <c>!a == b</c> is <c>!(a == b)</c>.</summary>
    private ExpressionNode ParseNot()
    {
        if (Current.Kind != TokenKind.Bang)
        {
            return ParseComparison();
        }

        var op = Advance();
        Enter(op);
        var operand = ParseNot();
        Leave();
        return Node(new NotNode(op.Column, operand));
    }

    private ExpressionNode ParseComparison()
    {
        var left = ParseAdditive();
        while (true)
        {
            var op = Current;
            ComparisonOperator? comparison = op.Kind switch
            {
                TokenKind.EqualEqual => ComparisonOperator.Equal,
                TokenKind.BangEqual => ComparisonOperator.NotEqual,
                TokenKind.Less => ComparisonOperator.Less,
                TokenKind.LessEqual => ComparisonOperator.LessOrEqual,
                TokenKind.Greater => ComparisonOperator.Greater,
                TokenKind.GreaterEqual => ComparisonOperator.GreaterOrEqual,
                _ => null,
            };
            if (comparison is null && op.Kind != TokenKind.In)
            {
                return left;
            }

            Advance();
            var right = ParseAdditive();
            left = comparison is { } c
                ? Node(new ComparisonNode(op.Column, c, left, right))
                : Node(new InNode(op.Column, left, right));
        }
    }

    private ExpressionNode ParseAdditive()
    {
        var left = ParseMultiplicative();
        while (Current.Kind is TokenKind.Plus or TokenKind.Minus)
        {
            var op = Advance();
            var kind = op.Kind == TokenKind.Plus ? ArithmeticOperator.Add : ArithmeticOperator.Subtract;
            left = Node(new ArithmeticNode(op.Column, kind, left, ParseMultiplicative()));
        }

        return left;
    }

    private ExpressionNode ParseMultiplicative()
    {
        var left = ParseUnary();
        while (Current.Kind is TokenKind.Star or TokenKind.Slash)
        {
            var op = Advance();
            var kind = op.Kind == TokenKind.Star ? ArithmeticOperator.Multiply : ArithmeticOperator.Divide;
            left = Node(new ArithmeticNode(op.Column, kind, left, ParseUnary()));
        }

        return left;
    }

    /// <summary>Prefix <c>-</c>; a <c>!</c> here (as in <c>a == !b</c>) binds tightly to its operand.</summary>
    private ExpressionNode ParseUnary()
    {
        if (Current.Kind is not (TokenKind.Minus or TokenKind.Bang))
        {
            return ParsePostfix();
        }

        var op = Advance();
        Enter(op);
        var operand = ParseUnary();
        Leave();
        return op.Kind == TokenKind.Minus
            ? Node(new NegateNode(op.Column, operand))
            : Node(new NotNode(op.Column, operand));
    }

    private ExpressionNode ParsePostfix()
    {
        var target = ParsePrimary();
        while (Current.Kind == TokenKind.Dot)
        {
            Advance();
            var name = ExpectName();
            target = Node(new MemberNode(name.Column, target, name.Text));
        }

        return target;
    }

    private ExpressionNode ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Number or TokenKind.Duration or TokenKind.String
                or TokenKind.True or TokenKind.False or TokenKind.Null:
                Advance();
                return Node(new LiteralNode(token.Column, token.Literal));
            case TokenKind.LeftParen:
                Advance();
                Enter(token);
                var inner = ParseOr();
                Leave();
                Close(token, TokenKind.RightParen, "an operator or ')'");
                return inner;
            case TokenKind.LeftBracket:
                return ParseList();
            case TokenKind.Identifier when Next.Kind == TokenKind.LeftParen:
                return ParseCall();
            case TokenKind.Identifier:
                return ParsePath();
            default:
                throw new ExpressionSyntaxException(token.Column, $"expected a value but found {token.Describe()}");
        }
    }

    private ExpressionNode ParseList()
    {
        var open = Advance();
        Enter(open);
        var items = new List<ExpressionNode>();
        if (Current.Kind != TokenKind.RightBracket)
        {
            items.Add(ParseOr());
            while (Current.Kind == TokenKind.Comma)
            {
                Advance();
                items.Add(ParseOr());
            }
        }

        Leave();
        Close(open, TokenKind.RightBracket, "',' or ']'");
        return Node(new ListNode(open.Column, items));
    }

    private ExpressionNode ParseCall()
    {
        var name = Advance();
        var open = Advance();
        Enter(open);
        var arguments = new List<ExpressionNode>();
        if (Current.Kind != TokenKind.RightParen)
        {
            arguments.Add(ParseOr());
            while (Current.Kind == TokenKind.Comma)
            {
                Advance();
                arguments.Add(ParseOr());
            }
        }

        Leave();
        Close(open, TokenKind.RightParen, "',' or ')'");

        // step("id") is only meaningful with its outcome, so the member is bound as part of the call.
        Token? stepOutcome = null;
        if (name.Text == "step" && Current.Kind == TokenKind.Dot && Next.IsName)
        {
            Advance();
            stepOutcome = Advance();
        }

        return Node(FunctionBinder.Bind(name, arguments, stepOutcome));
    }

    private ExpressionNode ParsePath()
    {
        var root = Advance();
        switch (root.Text)
        {
            case "now":
                return Node(new NowNode(root.Column));
            case "event":
                return Node(new EventNode(root.Column));
            case "profile":
                return TryMember() is { } trait
                    ? Node(new ProfileTraitNode(root.Column, trait.Text))
                    : Node(new InvalidNode(root.Column, "profile needs a trait name, as in profile.plan"));
            case "journey":
                return ParseJourney(root);
            case "and" or "or" or "not":
                throw new ExpressionSyntaxException(root.Column,
                    $"'{root.Text}' is not an operator{OperatorWordHint(root)}");
            default:
                return Node(new InvalidNode(root.Column,
                    $"unknown name '{root.Text}'; expressions read profile., event., journey., now"));
        }
    }

    private ExpressionNode ParseJourney(Token root)
    {
        var member = TryMember();
        return member?.Text switch
        {
            "entered_at" => Node(new JourneyEnteredAtNode(root.Column)),
            "key" => Node(new JourneyKeyNode(root.Column)),
            "event" => Node(new JourneyEventNode(root.Column)),
            null => Node(new InvalidNode(root.Column,
                "journey needs a member: journey.entered_at, journey.key or journey.event.<property>")),
            _ => Node(new InvalidNode(member.Value.Column,
                $"journey has no '{member.Value.Text}'; use journey.entered_at, journey.key or journey.event.<property>")),
        };
    }

    /// <summary>Consumes <c>.name</c> when it follows; the name token, or null.</summary>
    private Token? TryMember()
    {
        if (Current.Kind != TokenKind.Dot || !Next.IsName)
        {
            return null;
        }

        Advance();
        return Advance();
    }

    private Token ExpectName()
    {
        if (!Current.IsName)
        {
            throw new ExpressionSyntaxException(Current.Column, $"expected a name after '.' but found {Current.Describe()}");
        }

        return Advance();
    }

    private void Close(Token open, TokenKind close, string expected)
    {
        if (Current.Kind == close)
        {
            Advance();
            return;
        }

        var closer = close == TokenKind.RightParen ? ")" : "]";
        throw Current.Kind == TokenKind.End
            ? new ExpressionSyntaxException(open.Column, $"unclosed '{open.Text}': add a matching '{closer}'")
            : new ExpressionSyntaxException(Current.Column, $"expected {expected} but found {Current.Describe()}");
    }

    private void ExpectEnd()
    {
        var token = Current;
        if (token.Kind == TokenKind.End)
        {
            return;
        }

        throw token.Kind == TokenKind.RightParen
            ? new ExpressionSyntaxException(token.Column, "unexpected ')': there is no '(' to close")
            : new ExpressionSyntaxException(token.Column,
                $"unexpected {token.Describe()}: expected an operator or the end of the expression" + OperatorWordHint(token));
    }

    /// <summary>Authors coming from SQL or Python write and/or/not: point them at the symbols.</summary>
    private static string OperatorWordHint(Token token) => token.Text switch
    {
        "and" => "; write && for and",
        "or" => "; write || for or",
        "not" => "; write ! for not",
        _ => "",
    };

    private void Enter(Token at)
    {
        if (++_depth > ExpressionLimits.MaxDepth)
        {
            throw new ExpressionSyntaxException(at.Column,
                $"expression nests too deeply: more than {ExpressionLimits.MaxDepth} levels of parentheses, lists, calls or prefix operators");
        }
    }

    private void Leave() => _depth--;

    private ExpressionNode Node(ExpressionNode node)
    {
        if (++_nodes > ExpressionLimits.MaxNodes)
        {
            throw new ExpressionSyntaxException(node.Column,
                $"expression is too large: more than {ExpressionLimits.MaxNodes} parts (values, names, operators and calls); simplify it");
        }

        return node;
    }
}
