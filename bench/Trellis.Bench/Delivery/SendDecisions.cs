using System.Globalization;
using NodaTime;
using Trellis.Core.Engine.Effects;
using Trellis.Core.Engine.State;
using Trellis.Core.Journeys;
using Trellis.Core.Values;

namespace Trellis.Bench.Delivery;

/// <summary>The inputs the engine hands the composer for one send: a person with a profile, and the send decision.</summary>
internal static class SendDecisions
{
    private static readonly string[] FirstNames = ["Ada", "Bo", "Cy", "Di", "Ed", "Fa", "Gus", "Hal"];

    public static PersonState Person(int i, string idPrefix = "person-")
    {
        var id = idPrefix + i.ToString(CultureInfo.InvariantCulture);
        return new PersonState(id)
        {
            Traits = new Dictionary<string, Value>(StringComparer.Ordinal)
            {
                ["email"] = Value.String(id + "@example.test"),
                ["first_name"] = Value.String(FirstNames[i % FirstNames.Length]),
            },
        };
    }

    public static Effect Send(PersonState person, Instant at) => new()
    {
        At = at,
        Type = EffectType.Send,
        User = person.Id,
        Journey = "news",
        Instance = 1,
        Step = "news-email",
        Channel = Channel.Email,
        Template = "news",
        Marketing = true,
        EnterEvent = new EventRecord("news_requested", Value.Map(new Dictionary<string, Value>(StringComparer.Ordinal) { ["count"] = Value.Number(12) })),
        EnteredAt = at,
    };
}
