using NodaTime;
using Trellis.Content.Reading;
using Trellis.Content.Yaml;
using Trellis.Core.Journeys;
using Trellis.Core.Time;

namespace Trellis.Content.Scenarios;

/// <summary>
/// What expectations may name: the scenario's users (profiles, and people created by events), the journeys of
/// its workspace and their steps, and moments within <c>run_for</c>.
/// </summary>
internal sealed class ScenarioSubjects(
    FileReaders readers,
    IReadOnlyCollection<string> users,
    IReadOnlyList<JourneyDefinition> journeys,
    Duration? runFor)
{
    public string? User(YamlNode node)
    {
        if (readers.Nodes.Text(node, "user") is not { } user)
        {
            return null;
        }

        if (!users.Contains(user))
        {
            readers.Report(node.Line, $"no user '{user}' in this scenario" + Suggestions.WithChoices(user, users, "users"));
            return null;
        }

        return user;
    }

    public JourneyDefinition? Journey(YamlNode node)
    {
        if (readers.Nodes.Text(node, "journey") is not { } id)
        {
            return null;
        }

        var journey = journeys.FirstOrDefault(j => j.Id == id);
        if (journey is null)
        {
            var ids = journeys.Select(j => j.Id).ToArray();
            readers.Report(node.Line, $"no journey '{id}' in this scenario" + Suggestions.WithChoices(id, ids, "journeys"));
        }

        return journey;
    }

    /// <summary>A step of the journey; with <paramref name="mustSend"/>, it has to be a send step (sends and skips happen there).</summary>
    public StepDefinition? Step(YamlNode node, JourneyDefinition? journey, bool mustSend)
    {
        if (readers.Nodes.Text(node, "step") is not { } id || journey is null)
        {
            return null;
        }

        var step = journey.FindStep(id);
        if (step is null)
        {
            var ids = journey.Steps.Select(s => s.Id).Where(s => !s.StartsWith('#')).ToArray();
            readers.Report(node.Line, $"journey '{journey.Id}' has no step '{id}'" + Suggestions.WithChoices(id, ids, "steps"));
            return null;
        }

        if (mustSend && step is not SendStep)
        {
            readers.Report(node.Line, $"step '{id}' of journey '{journey.Id}' is a {step.Kind} step; only send steps send or skip");
            return null;
        }

        return step;
    }

    /// <summary>An offset from the start that falls within the run.</summary>
    public Duration? Offset(YamlNode node)
    {
        if (readers.Times.NonNegativeDuration(node, "at") is not { } offset)
        {
            return null;
        }

        if (runFor is { } limit && offset > limit)
        {
            readers.Report(node.Line, $"at {DurationText.Format(offset)} is after the end of the run (run_for: {DurationText.Format(limit)})");
            return null;
        }

        return offset;
    }
}
