using Trellis.Core.Expressions.Nodes;
using Trellis.Core.Values;

namespace Trellis.Core.Expressions.Syntax;

/// <summary>
/// Turns a parsed call into the node of that built-in function, checking what only the call's shape can
/// tell: the name, the argument count, and the arguments that must be literal names (an event, a step, a
/// model) so that references can be validated before anything runs.
/// </summary>
internal static class FunctionBinder
{
    private static readonly FunctionSignature[] Signatures =
    [
        new("count", 2, "count(\"signup\", 7d)"),
        new("performed", 2, "performed(\"app_used\", 14d)"),
        new("last", 1, "last(\"order_completed\").total"),
        new("since", 1, "since(profile.last_seen)"),
        new("exists", 1, "exists(profile.email)"),
        new("lower", 1, "lower(profile.country)"),
        new("contains", 2, "contains(profile.email, \"@example.com\")"),
        new("step", 1, "step(\"welcome\").opened"),
        new("score", 1, "score(\"churn\")"),
    ];

    private static readonly string KnownNames = string.Join(", ", Signatures.Select(s => s.Name));

    /// <param name="name">The function name token.</param>
    /// <param name="arguments">The parsed arguments.</param>
    /// <param name="stepOutcome">For <c>step(…)</c>: the member that followed the call, if any.</param>
    public static ExpressionNode Bind(Token name, IReadOnlyList<ExpressionNode> arguments, Token? stepOutcome)
    {
        var signature = Array.Find(Signatures, s => s.Name == name.Text);
        if (signature is null)
        {
            return new InvalidNode(name.Column, $"unknown function '{name.Text}'; functions are {KnownNames}");
        }

        if (arguments.Count != signature.Arity)
        {
            var plural = signature.Arity == 1 ? "argument" : "arguments";
            return new InvalidNode(name.Column,
                $"{signature.Name} takes {signature.Arity} {plural}, as in {signature.Example}; this call has {arguments.Count}");
        }

        var column = name.Column;
        return signature.Name switch
        {
            "count" => WithName(arguments[0], "an event name", signature, n => new CountNode(column, n, arguments[1])),
            "performed" => WithName(arguments[0], "an event name", signature, n => new PerformedNode(column, n, arguments[1])),
            "last" => WithName(arguments[0], "an event name", signature, n => new LastNode(column, n)),
            "score" => WithName(arguments[0], "a model name", signature, n => new ScoreNode(column, n)),
            "step" => WithName(arguments[0], "a step id", signature, n => BindStep(name, n, stepOutcome)),
            "since" => new SinceNode(column, arguments[0]),
            "exists" => new ExistsNode(column, arguments[0]),
            "lower" => new LowerNode(column, arguments[0]),
            _ => new ContainsNode(column, arguments[0], arguments[1]),
        };
    }

    private static ExpressionNode WithName(
        ExpressionNode argument, string what, FunctionSignature signature, Func<string, ExpressionNode> build)
    {
        if (argument is LiteralNode { Value.Kind: ValueKind.String } literal)
        {
            return build(literal.Value.AsString!);
        }

        var position = signature.Arity == 1 ? "the argument" : "the first argument";
        return new InvalidNode(argument.Column,
            $"{position} of {signature.Name} must be {what} in quotes, as in {signature.Example}");
    }

    private static ExpressionNode BindStep(Token name, string stepId, Token? outcome)
    {
        var expected = "must be followed by .sent, .opened, .clicked or .delivered";
        if (outcome is not { } member)
        {
            return new InvalidNode(name.Column, $"step(\"{stepId}\") {expected}");
        }

        return StepOutcomeNode.Outcomes.Contains(member.Text)
            ? new StepOutcomeNode(name.Column, stepId, member.Text)
            : new InvalidNode(member.Column, $"step(\"{stepId}\") {expected}, not .{member.Text}");
    }
}
