using NodaTime;
using Trellis.Core.Engine;
using Trellis.Core.Engine.State;
using Trellis.Core.Values;

namespace Trellis.Core.Scoring;

/// <summary>The propensity models of a workspace, by name: what <c>score("name")</c> asks.</summary>
public sealed class ModelScores : IScoreSource
{
    private readonly Dictionary<string, PropensityModel> _models;

    public ModelScores(IEnumerable<PropensityModel> models)
    {
        _models = models.ToDictionary(m => m.Name, StringComparer.Ordinal);
        EventsRead = _models.Values.SelectMany(m => m.EventsRead).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
    }

    public IReadOnlyCollection<string> Names => _models.Keys;

    public IReadOnlyCollection<string> EventsRead { get; }

    public bool Has(string model) => _models.ContainsKey(model);

    public Value Score(string model, PersonState person, Instant now) =>
        _models.TryGetValue(model, out var m) ? Value.Number(m.Probability(person, now)) : Value.Null;
}
