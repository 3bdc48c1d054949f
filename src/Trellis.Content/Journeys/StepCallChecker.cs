using Trellis.Content.Reading;
using Trellis.Content.Yaml;
using Trellis.Core.Expressions;
using Trellis.Core.Journeys;

namespace Trellis.Content.Journeys;

/// <summary>Checks that every <c>step("id")</c> in the journey's expressions names one of its send steps.</summary>
internal static class StepCallChecker
{
    public static void Check(
        IReadOnlyList<(Expression Expression, YamlScalar Node)> expressions,
        IReadOnlyList<StepDefinition> steps,
        DiagnosticBag diagnostics)
    {
        var sendIds = steps.OfType<SendStep>().Select(s => s.Id).ToArray();
        foreach (var (expression, node) in expressions)
        {
            foreach (var id in expression.ReferencedSteps.Distinct())
            {
                var step = steps.FirstOrDefault(s => s.Id == id);
                if (step is SendStep)
                {
                    continue;
                }

                var at = node.Value.IndexOf($"\"{id}\"", StringComparison.Ordinal);
                var line = ScalarLines.LineOfOffset(node, Math.Max(0, at));
                var message = step is null
                    ? $"step(\"{id}\"): no send step '{id}' in this journey" + Suggestions.WithChoices(id, sendIds, "send steps")
                    : $"step(\"{id}\"): '{id}' is a {step.Kind} step; step() reads the outcome of a send step";
                diagnostics.Report(line, message);
            }
        }
    }
}
