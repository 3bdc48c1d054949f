using Trellis.Core.Engine.State;
using Trellis.Core.Journeys;

namespace Trellis.Core.Engine.Decisions;

/// <summary>One send being decided: what the rules read, and the channel the channel rule chose.</summary>
internal sealed class SendCheck
{
    public Turn Turn { get; private set; } = null!;

    public CompiledJourney Journey { get; private set; } = null!;

    public SendStep Step { get; private set; } = null!;

    public JourneyInstance Instance { get; private set; } = null!;

    public void Reset(Turn turn) => Turn = turn;

    public SendCheck For(CompiledJourney journey, SendStep step, JourneyInstance instance)
    {
        Journey = journey;
        Step = step;
        Instance = instance;
        Channel = default;
        return this;
    }

    public bool Marketing => !Journey.Definition.Transactional;

    /// <summary>Set by <see cref="ChannelRule"/>: the first usable channel.</summary>
    public Channel Channel { get; set; }
}
