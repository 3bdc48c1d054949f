using Trellis.Core.Journeys;
using Trellis.Core.Policies;
using Trellis.Core.Values;

namespace Trellis.Core.Engine.Decisions;

/// <summary>
/// Marketing consent from the profile's <c>consent</c> map (topic or channel → yes/no). <c>all: false</c> (or
/// <c>marketing: false</c>) refuses every marketing send. SMS marketing always needs <c>sms: true</c>; another
/// channel is refused only by an explicit no. A topic follows the workspace default: opt_out allows unless
/// no, opt_in needs yes. A journey without a topic needs only the channel and everything-switch checks.
/// </summary>
internal static class ConsentRules
{
    public static bool Allows(Value consent, ConsentDefault mode, string? topic, Channel channel)
    {
        if (IsNo(consent.Member("all")) || IsNo(consent.Member("marketing")))
        {
            return false;
        }

        var channelAnswer = consent.Member(channel.Name());
        if (channel == Channel.Sms ? !channelAnswer.IsTrue : IsNo(channelAnswer))
        {
            return false;
        }

        if (topic is null)
        {
            return true;
        }

        var topicAnswer = consent.Member(topic);
        return mode == ConsentDefault.OptIn ? topicAnswer.IsTrue : !IsNo(topicAnswer);
    }

    private static bool IsNo(Value v) => v.Kind == ValueKind.Bool && !v.AsBool;
}
