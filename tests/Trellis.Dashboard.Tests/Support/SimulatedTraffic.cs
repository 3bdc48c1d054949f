using System.Globalization;
using System.Text.Json;

namespace Trellis.Dashboard.Tests;

/// <summary>
/// Deterministic Segment traffic for the example journeys: 60 people; 40 sign up (15 create a project, 6 pay,
/// one said no to onboarding mail), 40 are customers (win-back, with a holdout; 10 order again), 30 answer
/// NPS (detractors, passives, promoters), 10 abandon a cart. Sent through <c>POST /v1/batch</c>.
/// </summary>
internal static class SimulatedTraffic
{
    public const int People = 60;
    public const int SignUps = 40;
    public const int ProjectCreators = 15;
    public const int Subscribers = 6;
    public const int Customers = 40;
    public const int NpsAnswers = 30;
    public const int CartAbandons = 10;

    /// <summary>The person who declined onboarding mail: their welcome email is skipped for consent.</summary>
    public const string NoConsentPerson = "u005";

    private static readonly string[] FirstNames = ["Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances", "John", "Radia", "Ken"];

    public static string PersonId(int i) => "u" + i.ToString("000", CultureInfo.InvariantCulture);

    public static string FirstName(int i) => FirstNames[(i - 1) % FirstNames.Length];

    /// <summary>The calls in order, split into batches the size the API allows.</summary>
    public static IEnumerable<string> Batches(DateTimeOffset start)
    {
        var calls = Calls(start).ToList();
        for (var i = 0; i < calls.Count; i += 100)
        {
            yield return JsonSerializer.Serialize(new Dictionary<string, object> { ["batch"] = calls.Skip(i).Take(100).ToList() });
        }
    }

    private static IEnumerable<Dictionary<string, object?>> Calls(DateTimeOffset start)
    {
        var at = start;
        var n = 0;
        Dictionary<string, object?> Call(string type, string user, Action<Dictionary<string, object?>> fill)
        {
            at = at.AddMilliseconds(250);
            var call = new Dictionary<string, object?>
            {
                ["type"] = type,
                ["userId"] = user,
                ["messageId"] = $"dash-{type}-{user}-{++n}",
                ["timestamp"] = at.ToString("O", CultureInfo.InvariantCulture),
            };
            fill(call);
            return call;
        }

        for (var i = 1; i <= People; i++)
        {
            var traits = new Dictionary<string, object?>
            {
                ["email"] = $"{PersonId(i)}@example.com",
                ["first_name"] = FirstName(i),
                ["plan"] = i % 2 == 0 ? "team" : "pro",
                ["timezone"] = "UTC",
            };
            if (i > People - Customers)
            {
                traits["lifecycle_stage"] = "customer";
            }

            if (PersonId(i) == NoConsentPerson)
            {
                traits["consent"] = new Dictionary<string, object?> { ["onboarding"] = false };
            }

            yield return Call("identify", PersonId(i), c => c["traits"] = traits);
        }

        for (var i = 1; i <= SignUps; i++)
        {
            yield return Track(Call, i, "signed_up", new() { ["source"] = "web" });
        }

        for (var i = 1; i <= ProjectCreators; i++)
        {
            yield return Track(Call, i, "project_created", new() { ["name"] = "First project" });
        }

        for (var i = 1; i <= Subscribers; i++)
        {
            yield return Track(Call, i, "subscription_started", new() { ["amount"] = 49 });
        }

        for (var i = People - NpsAnswers + 1; i <= People; i++)
        {
            yield return Track(Call, i, "nps_submitted", new() { ["score"] = (i % 3) switch { 0 => 3, 1 => 8, _ => 10 } });
        }

        for (var i = People - CartAbandons; i < People; i++)
        {
            yield return Track(Call, i, "cart_abandoned", new() { ["cart_id"] = "cart-" + i, ["total"] = i % 2 == 0 ? 120 : 60 });
        }

        for (var i = People - Customers + 1; i <= People; i += 4)
        {
            yield return Track(Call, i, "order_placed", new() { ["total"] = 80 });
        }
    }

    private static Dictionary<string, object?> Track(
        Func<string, string, Action<Dictionary<string, object?>>, Dictionary<string, object?>> call, int i, string name, Dictionary<string, object?> properties) =>
        call("track", PersonId(i), c =>
        {
            c["event"] = name;
            c["properties"] = properties;
        });
}
