using Trellis.Core.Values;

namespace Trellis.Core.Tests.Expressions;

/// <summary>One generated case: an expression and the person's data, printed readably when a property fails.</summary>
internal sealed record HorizonScenario(GeneratedExpression Expression, InMemoryEvaluationContext Context)
{
    public override string ToString()
    {
        var traits = string.Join(", ", Context.Traits.Select(t => $"{t.Key}={Describe(t.Value)}"));
        var events = string.Join(", ", Context.History.OrderBy(e => e.At).Select(e => $"{e.Name}@{InstantText.Format(e.At)}"));
        return $"{Expression.Source}  |  now={InstantText.Format(Context.Now)}  |  {traits}  |  {events}";
    }

    private static string Describe(Value value) => value.Kind == ValueKind.String ? $"\"{value}\"" : value.ToString();
}
