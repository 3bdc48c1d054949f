using System.Net;
using System.Text.Json;

namespace Trellis.Dashboard.Tests.Api;

/// <summary>People list and a person's page data: profile, consent, suppression, journeys, events, trace, sends.</summary>
[Collection(TrafficCollection.Name)]
public sealed class PersonApiTests(TrafficFixture fixture)
{
    private HttpClient Http => fixture.Client.Http;

    private async Task<JsonElement> GetAsync(string path) => await DashboardServer.JsonAsync(await Http.GetAsync(path));

    [Fact]
    public async Task People_are_listed_by_id_a_page_at_a_time()
    {
        var first = await GetAsync("/dashboard/api/people");
        var ids = first.GetProperty("people").EnumerateArray().Select(p => p.GetProperty("id").GetString()!).ToList();
        Assert.Equal(50, ids.Count);
        Assert.Equal("u001", ids[0]);
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        var second = await GetAsync("/dashboard/api/people?after=" + first.GetProperty("next").GetString());
        Assert.Equal(10, second.GetProperty("people").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("next").ValueKind);
    }

    [Fact]
    public async Task A_person_shows_profile_consent_suppression_journeys_events_and_the_decision_trace()
    {
        var person = await GetAsync("/dashboard/api/people/u002");
        Assert.Equal("Grace", person.GetProperty("traits").GetProperty("first_name").GetString());
        Assert.Contains(person.GetProperty("suppressions").EnumerateArray(), s => s.GetProperty("channel").GetString() == "email" && !s.GetProperty("suppressed").GetBoolean());
        Assert.Contains(person.GetProperty("journeys").EnumerateArray(), j => j.GetProperty("journey").GetString() == "welcome-series");
        Assert.Contains(person.GetProperty("events").EnumerateArray(), e => e.GetProperty("event").GetString() == "signed_up");

        var trace = person.GetProperty("trace").EnumerateArray().ToList();
        Assert.Contains(trace, t => t.GetProperty("type").GetString() == "enter" && t.GetProperty("journey").GetString() == "welcome-series");
        Assert.Contains(trace, t => t.GetProperty("type").GetString() == "send" && t.GetProperty("step").GetString() == "welcome"
            && t.GetProperty("details").GetProperty("channel").GetString() == "email");
        Assert.Contains(trace, t => t.GetProperty("type").GetString() == "send" && t.GetProperty("step").GetString() == "celebrate"
            && t.GetProperty("details").GetProperty("channel").GetString() == "in_app");
        Assert.Contains(trace, t => t.GetProperty("type").GetString() == "goal");
        Assert.Contains(person.GetProperty("sends").EnumerateArray(), s => s.GetProperty("step").GetString() == "welcome" && s.GetProperty("template").GetString() == "welcome-email");
    }

    [Fact]
    public async Task A_skip_for_consent_is_in_the_trace_and_the_consent_is_on_the_profile()
    {
        var person = await GetAsync("/dashboard/api/people/" + SimulatedTraffic.NoConsentPerson);
        var consent = person.GetProperty("consent").EnumerateArray().Single(c => c.GetProperty("topic").GetString() == "onboarding");
        Assert.False(consent.GetProperty("granted").GetBoolean());
        Assert.Contains(person.GetProperty("trace").EnumerateArray(), t => t.GetProperty("type").GetString() == "skip"
            && t.GetProperty("step").GetString() == "welcome" && t.GetProperty("details").GetProperty("reason").GetString() == "consent");
    }

    [Fact]
    public async Task An_unknown_person_is_404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync("/dashboard/api/people/nobody")).StatusCode);
    }
}
