using Trellis.Core.Expressions.Nodes;

namespace Trellis.Core.Expressions.Checking;

/// <summary>
/// One pass over a parsed tree: infers static types, collects every type error (not just the first, so an
/// author fixes them in one go), and notes what the expression refers to.
/// </summary>
internal sealed class TypeChecker
{
    private readonly List<ExpressionError> _errors = [];
    private readonly List<string> _steps = [];
    private readonly List<string> _models = [];
    private readonly List<string> _events = [];

    public IReadOnlyList<ExpressionError> Errors => _errors;

    public IReadOnlyList<string> ReferencedSteps => _steps;

    public IReadOnlyList<string> ReferencedModels => _models;

    public IReadOnlyList<string> ReferencedEvents => _events;

    public bool DependsOnTime { get; private set; }

    public StaticType Check(ExpressionNode node) => node.Check(this);

    public void Report(int column, string message) => _errors.Add(new ExpressionError(column, message));

    public void NoteStep(string stepId)
    {
        if (!_steps.Contains(stepId))
        {
            _steps.Add(stepId);
        }
    }

    public void NoteModel(string model)
    {
        if (!_models.Contains(model))
        {
            _models.Add(model);
        }
    }

    /// <summary>An event read from history (count, performed, last): the engine keeps only such events per person.</summary>
    public void NoteEvent(string eventName)
    {
        if (!_events.Contains(eventName))
        {
            _events.Add(eventName);
        }
    }

    public void NoteTimeDependence() => DependsOnTime = true;
}
