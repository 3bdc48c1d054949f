using Trellis.Core.Engine.State;
using Trellis.Core.Values;

namespace Trellis.Core.Engine;

/// <summary>Propensity models for <c>score("model")</c>: a pure function of the person's state.</summary>
public interface IScoreSource
{
    /// <summary>A number in [0, 1], or null when the model is unknown or cannot score this person.</summary>
    Value Score(string model, PersonState person);
}
