using Trellis.Content.Yaml;
using Trellis.Core.Expressions;
using Trellis.Core.Values;

namespace Trellis.Content.Reading;

/// <summary>
/// Parses expressions written in YAML scalars and reports errors at the file line where the failing part was
/// written, with the column inside the expression: "when: expression error at column 12: …".
/// </summary>
internal sealed class ExpressionReader(DiagnosticBag diagnostics)
{
    private static readonly Lazy<Expression> LazyPlaceholder = new(() =>
        ExpressionParser.TryParse("false", out var e, out _) && e is not null
            ? e
            : throw new InvalidOperationException("the expression parser rejects 'false'"));

    /// <summary>
    /// Stands in for an expression that failed (already reported), so that the rest of the journey is still
    /// checked without follow-on errors; a definition holding it is never handed out.
    /// </summary>
    public static Expression Placeholder => LazyPlaceholder.Value;

    private readonly List<(Expression Expression, YamlScalar Node)> _parsed = [];

    /// <summary>Every expression read so far with its node, for checks that need the whole journey (step("id")).</summary>
    public IReadOnlyList<(Expression Expression, YamlScalar Node)> Parsed => _parsed;

    public Expression? Read(YamlNode node, string field, ExpressionUse use = ExpressionUse.Value)
    {
        if (node is not YamlScalar { IsNull: false } scalar || scalar.Value.Trim().Length == 0)
        {
            diagnostics.Report(node.Line, $"'{field}' must be an expression, not {node.Describe}");
            return null;
        }

        if (ExpressionParser.TryParse(scalar.Value, out var expression, out var errors) && expression is not null)
        {
            _parsed.Add((expression, scalar));
            if (WrongKind(expression, use) is { } problem)
            {
                diagnostics.Report(Position(scalar, 1).Line, $"{field}: expression error at column 1: {problem}");
                return null;
            }

            return expression;
        }

        if (errors.Count == 0)
        {
            diagnostics.Report(scalar.Line, $"{field}: expression error: '{scalar.Value}' is not a valid expression");
        }

        foreach (var error in errors)
        {
            var (line, column) = Position(scalar, error.Column);
            diagnostics.Report(line, $"{field}: expression error at column {column}: {error.Message}");
        }

        return null;
    }

    /// <summary>Null when the result fits the use, or when its kind is only known at run time (a bare profile.x).</summary>
    private static string? WrongKind(Expression expression, ExpressionUse use)
    {
        if (expression.ResultKind is not { } kind)
        {
            return null;
        }

        return use switch
        {
            ExpressionUse.Condition when kind != ValueKind.Bool =>
                $"a condition must give true or false, but this gives {Describe(kind)}",
            ExpressionUse.Number when kind != ValueKind.Number =>
                $"this must give a number, but it gives {Describe(kind)}",
            ExpressionUse.Moment when kind != ValueKind.Time =>
                $"this must give a time (e.g. journey.entered_at + 10d), but it gives {Describe(kind)}",
            _ => null,
        };
    }

    private static string Describe(ValueKind kind) => kind switch
    {
        ValueKind.Null => "null",
        ValueKind.Bool => "true or false",
        ValueKind.Number => "a number",
        ValueKind.String => "text",
        ValueKind.Time => "a time",
        ValueKind.Duration => "a duration",
        ValueKind.List => "a list",
        _ => "a map",
    };

    /// <summary>Maps the parser's 1-based column in the whole text to a file line and the column within that line.</summary>
    private static (int Line, int Column) Position(YamlScalar scalar, int column)
    {
        // "Found the end of the expression" points past a block scalar's final newline; the end is where the text stops.
        var offset = Math.Clamp(column - 1, 0, scalar.Value.TrimEnd().Length);
        var lineStart = offset == 0 ? 0 : scalar.Value.LastIndexOf('\n', offset - 1) + 1;
        return (ScalarLines.LineOfOffset(scalar, offset), offset - lineStart + 1);
    }
}
