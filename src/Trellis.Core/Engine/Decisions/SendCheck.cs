using Trellis.Core.Engine.State;
using Trellis.Core.Journeys;

namespace Trellis.Core.Engine.Decisions;

/// <summary>One send being decided: what the rules read, and the channel the channel rule chose.</summary>
internal sealed class SendCheck
{
    public required Turn Turn { get; init; }

    public required CompiledJourney Journey { get; init; }

    public required SendStep Step { get; init; }

    public required JourneyInstance Instance { get; init; }

    public bool Marketing => !Journey.Definition.Transactional;

    /// <summary>Set by <see cref="ChannelRule"/>: the first usable channel.</summary>
    public Channel Channel { get; set; }
}
