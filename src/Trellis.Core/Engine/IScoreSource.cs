using NodaTime;
using Trellis.Core.Engine.State;
using Trellis.Core.Values;

namespace Trellis.Core.Engine;

/// <summary>Propensity models for <c>score("model")</c>: a pure function of the person's state at a moment.</summary>
public interface IScoreSource
{
    /// <summary>A number in [0, 1], or null when the model is unknown or cannot score this person.</summary>
    Value Score(string model, PersonState person, Instant now);

    /// <summary>Events the models read from history: the engine keeps their occurrences like those expressions count.</summary>
    IReadOnlyCollection<string> EventsRead { get; }
}
