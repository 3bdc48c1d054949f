using Trellis.Core.Engine.Effects;
using Trellis.Core.Journeys;
using Trellis.Core.Values;

namespace Trellis.Core.Engine.Decisions;

/// <summary>
/// Rule 2: the first of the step's channels on which the person is reachable, not suppressed and (marketing
/// only) consenting. None: skip with the reason of the first channel.
/// </summary>
internal sealed class ChannelRule : ISendRule
{
    public Verdict Check(SendCheck check)
    {
        string? firstReason = null;
        var person = check.Turn.Person;
        var channels = check.Step.Channels;
        for (var i = 0; i < channels.Count; i++) // indexed: a foreach over the interface would box its enumerator
        {
            var channel = channels[i];
            var reason = Unusable(check, person, channel);
            if (reason is null)
            {
                check.Channel = channel;
                return Verdict.Pass;
            }

            firstReason ??= reason;
        }

        return Verdict.Skip(firstReason ?? SkipReasons.Unreachable);
    }

    private static string? Unusable(SendCheck check, State.PersonState person, Channel channel)
    {
        if (channel.AddressTrait() is { } trait)
        {
            var address = person.Trait(trait);
            if (address.IsNull || address is { Kind: ValueKind.String, AsString: "" })
            {
                return SkipReasons.Unreachable;
            }

            if (person.IsSuppressed(channel, address.ToString()))
            {
                return SkipReasons.Suppressed;
            }
        }
        else if (person.IsSuppressed(channel, person.Id))
        {
            return SkipReasons.Suppressed;
        }

        if (check.Marketing &&
            !ConsentRules.Allows(person.Trait("consent"), check.Turn.Policies.ConsentDefault, check.Journey.Definition.Topic, channel))
        {
            return SkipReasons.Consent;
        }

        return null;
    }
}
