using Trellis.Content.Reading;
using Trellis.Content.Yaml;
using Trellis.Core.Journeys;
using Trellis.Core.Values;

namespace Trellis.Content.Scenarios;

/// <summary>Reads <c>expect: {sends, skips, outcomes}</c>, checking every name against the scenario's subjects.</summary>
internal sealed class ScenarioExpectationReader(FileReaders readers, ScenarioSubjects subjects)
{
    private static readonly string[] Fields = ["sends", "skips", "outcomes"];
    private static readonly string[] SendFields = ["at", "user", "journey", "step", "channel"];
    private static readonly string[] SkipFields = ["at", "user", "journey", "step", "reason"];
    private static readonly string[] OutcomeFields = ["at", "user", "journey", "outcome", "value"];

    public ScenarioExpectations Read(YamlNode node)
    {
        if (readers.Nodes.Mapping(node, "expect") is not { } map)
        {
            return ScenarioExpectations.None;
        }

        readers.Nodes.CheckFields(map, "expect", Fields);
        return new ScenarioExpectations(
            map.Get("sends") is { } sends ? Items(sends, "sends", ReadSend) : null,
            map.Get("skips") is { } skips ? Items(skips, "skips", ReadSkip) : null,
            map.Get("outcomes") is { } outcomes ? Items(outcomes, "outcomes", ReadOutcome) : null);
    }

    private List<T> Items<T>(YamlNode node, string field, Func<YamlMapping, T?> read)
        where T : class
    {
        var items = new List<T>();
        if (readers.Nodes.List(node, field) is not { } list)
        {
            return items;
        }

        foreach (var item in list.Items)
        {
            if (readers.Nodes.Mapping(item, $"an item of {field}") is { } map && read(map) is { } value)
            {
                items.Add(value);
            }
        }

        return items;
    }

    private SendExpectation? ReadSend(YamlMapping map)
    {
        readers.Nodes.CheckFields(map, "expected send", SendFields);
        var offset = Need(map, "at", "an expected send") is { } a ? subjects.Offset(a) : null;
        var (user, journey, step) = Subject(map, "an expected send");
        var channelNode = Need(map, "channel", "an expected send");
        var channel = channelNode is null ? null : readers.Channels.Channel(channelNode, "channel");
        if (step is SendStep send && channel is { } expected && !send.Channels.Contains(expected))
        {
            var channels = string.Join(", ", send.Channels.Select(c => c.Name()));
            readers.Report(channelNode!.Line, $"step '{send.Id}' sends on {channels}, never on {expected.Name()}");
            return null;
        }

        return offset is { } at && user is not null && journey is not null && step is not null && channel is { } on
            ? new SendExpectation(at, user, journey.Id, step.Id, on, readers.Diagnostics.At(map.Line))
            : null;
    }

    private SkipExpectation? ReadSkip(YamlMapping map)
    {
        readers.Nodes.CheckFields(map, "expected skip", SkipFields);
        var offset = map.Get("at") is { } a ? subjects.Offset(a) : null;
        var (user, journey, step) = Subject(map, "an expected skip");
        var reasonNode = Need(map, "reason", "an expected skip");
        var reason = reasonNode is null ? null : readers.Nodes.OneOf(reasonNode, "reason", ScenarioWords.SkipReasons);
        var offsetOk = map.Get("at") is null || offset is not null;
        return offsetOk && user is not null && journey is not null && step is not null && reason is not null
            ? new SkipExpectation(offset, user, journey.Id, step.Id, reason, readers.Diagnostics.At(map.Line))
            : null;
    }

    private OutcomeExpectation? ReadOutcome(YamlMapping map)
    {
        readers.Nodes.CheckFields(map, "expected outcome", OutcomeFields);
        var offset = map.Get("at") is { } a ? subjects.Offset(a) : null;
        var user = Need(map, "user", "an expected outcome") is { } u ? subjects.User(u) : null;
        var journey = Need(map, "journey", "an expected outcome") is { } j ? subjects.Journey(j) : null;
        var outcomeNode = Need(map, "outcome", "an expected outcome");
        var outcome = outcomeNode is null ? null : readers.Nodes.OneOf(outcomeNode, "outcome", ScenarioWords.Outcomes);
        Value? value = map.Get("value") is { } v ? ValueReader.Read(v) : null;
        var offsetOk = map.Get("at") is null || offset is not null;
        return offsetOk && user is not null && journey is not null && outcome is not null
            ? new OutcomeExpectation(offset, user, journey.Id, outcome, value, readers.Diagnostics.At(map.Line))
            : null;
    }

    /// <summary>Who, which journey and which send step an expected send or skip is about.</summary>
    private (string? User, JourneyDefinition? Journey, StepDefinition? Step) Subject(YamlMapping map, string where)
    {
        var user = Need(map, "user", where) is { } u ? subjects.User(u) : null;
        var journey = Need(map, "journey", where) is { } j ? subjects.Journey(j) : null;
        var step = Need(map, "step", where) is { } s ? subjects.Step(s, journey, mustSend: true) : null;
        return (user, journey, step);
    }

    private YamlNode? Need(YamlMapping map, string field, string where) => readers.Nodes.Required(map, field, where);
}
