using Trellis.Core.Journeys;

namespace Trellis.Core.Engine.Inputs;

/// <summary>An address became suppressed (or allowed again) on a channel: hard bounce, complaint, manual.</summary>
public sealed class SuppressInput(Channel channel, string address, bool suppressed) : EngineInput
{
    public Channel Channel { get; } = channel;

    public string Address { get; } = address;

    public bool Suppressed { get; } = suppressed;
}
