using System.Net;
using NodaTime;
using Trellis.Storage;

namespace Trellis.Server.Tests.Admin;

/// <summary><c>/api/profiles/{id}</c>: profile, timeline (paged) and erasure.</summary>
public sealed class ProfileApiTests : IAsyncLifetime
{
    private RunningServer _server = null!;

    public async Task InitializeAsync() => _server = await RunningServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_profile_shows_traits_consent_suppressions_and_journeys()
    {
        await ApiAssert.SuccessAsync(await _server.IngestAsync("/v1/track", """{"userId":"p1","event":"Browsed"}"""));
        var store = _server.Store;
        var ws = RunningServer.Workspace;
        var now = SystemClock.Instance.GetCurrentInstant();
        await store.Consent.RecordAsync(ws, "p1", new ConsentRecord("onboarding", true, "admin", now));
        await store.Suppressions.AddAsync(ws, new Suppression("email", "ada@example.com", "hard_bounce", now));
        await EngineWrites.WriteAsync(store, "p1", """{"email":"Ada@Example.com","plan":"pro"}""",
            new TraceEntry(now, "enter", "welcome-series", null, """{"type":"enter"}"""),
            new TraceEntry(now, "send", "welcome-series", "welcome", """{"type":"send","channel":"email"}"""),
            new TraceEntry(now, "enter", "win-back", null, """{"type":"enter"}"""),
            new TraceEntry(now, "exit", "win-back", null, """{"type":"exit","outcome":"converted","reason":"goal"}"""));

        var body = await ApiAssert.SuccessAsync(await _server.AdminAsync(HttpMethod.Get, "/api/profiles/p1"));

        Assert.Equal("p1", body.GetProperty("id").GetString());
        Assert.Equal("pro", body.GetProperty("traits").GetProperty("plan").GetString());
        Assert.True(body.GetProperty("consent").GetProperty("onboarding").GetProperty("granted").GetBoolean());
        var suppression = Assert.Single(body.GetProperty("suppressions").EnumerateArray());
        Assert.Equal("email", suppression.GetProperty("channel").GetString());
        Assert.True(suppression.GetProperty("suppressed").GetBoolean());
        var journeys = body.GetProperty("journeys").EnumerateArray().ToList();
        Assert.Equal(["welcome-series", "win-back"], journeys.Select(j => j.GetProperty("journey").GetString()));
        Assert.Equal("active", journeys[0].GetProperty("status").GetString());
        Assert.Equal("welcome", journeys[0].GetProperty("currentStep").GetString());
        Assert.Equal("ended", journeys[1].GetProperty("status").GetString());
        Assert.Equal("converted", journeys[1].GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task A_profile_is_found_by_an_alias()
    {
        await ApiAssert.SuccessAsync(await _server.IngestAsync("/v1/alias", """{"previousId":"anon-9","userId":"p9"}"""));
        var body = await ApiAssert.SuccessAsync(await _server.AdminAsync(HttpMethod.Get, "/api/profiles/anon-9"));
        Assert.Equal("p9", body.GetProperty("id").GetString());
    }

    [Fact]
    public async Task An_unknown_profile_is_404()
    {
        await ApiAssert.ErrorAsync(await _server.AdminAsync(HttpMethod.Get, "/api/profiles/nobody"), HttpStatusCode.NotFound, "no profile 'nobody'");
        await ApiAssert.ErrorAsync(await _server.AdminAsync(HttpMethod.Get, "/api/profiles/nobody/timeline"), HttpStatusCode.NotFound, "no profile 'nobody'");
    }

    [Fact]
    public async Task The_timeline_pages_through_events_and_trace()
    {
        for (var i = 0; i < 5; i++)
        {
            await ApiAssert.SuccessAsync(await _server.IngestAsync("/v1/track", $$"""{"userId":"t1","event":"E{{i}}"}"""));
        }

        var now = SystemClock.Instance.GetCurrentInstant();
        await EngineWrites.WriteAsync(_server.Store, "t1", null, new TraceEntry(now, "enter", "cart-recovery", null, """{"type":"enter","journey":"cart-recovery"}"""));

        var first = await ApiAssert.SuccessAsync(await _server.AdminAsync(HttpMethod.Get, "/api/profiles/t1/timeline?limit=2"));
        Assert.Equal(["E0", "E1"], first.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("event").GetString()));
        Assert.Equal("track", first.GetProperty("events")[0].GetProperty("type").GetString());
        Assert.Equal("t1", first.GetProperty("events")[0].GetProperty("payload").GetProperty("userId").GetString());
        var trace = Assert.Single(first.GetProperty("trace").EnumerateArray());
        Assert.Equal("enter", trace.GetProperty("type").GetString());
        Assert.Equal("cart-recovery", trace.GetProperty("details").GetProperty("journey").GetString());

        var next = first.GetProperty("next");
        var names = new List<string?>();
        var page = first;
        while (page.GetProperty("next").ValueKind != System.Text.Json.JsonValueKind.Null)
        {
            next = page.GetProperty("next");
            page = await ApiAssert.SuccessAsync(await _server.AdminAsync(HttpMethod.Get,
                $"/api/profiles/t1/timeline?limit=2&afterEvent={next.GetProperty("afterEvent")}&afterTrace={next.GetProperty("afterTrace")}"));
            names.AddRange(page.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("event").GetString()));
            Assert.Empty(page.GetProperty("trace").EnumerateArray());
        }

        Assert.Equal(["E2", "E3", "E4"], names);
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=5000")]
    [InlineData("limit=abc")]
    [InlineData("afterEvent=-1")]
    [InlineData("afterTrace=x")]
    public async Task Bad_timeline_paging_is_400(string query)
    {
        await ApiAssert.SuccessAsync(await _server.IngestAsync("/v1/track", """{"userId":"t1","event":"E"}"""));
        await ApiAssert.ErrorAsync(await _server.AdminAsync(HttpMethod.Get, "/api/profiles/t1/timeline?" + query), HttpStatusCode.BadRequest, "limit between 1 and 1000");
    }

    [Fact]
    public async Task Erasure_removes_the_person_and_a_late_event_does_not_bring_them_back()
    {
        await ApiAssert.SuccessAsync(await _server.IngestAsync("/v1/identify", """{"userId":"e1","anonymousId":"anon-e1","traits":{"email":"e1@example.com"}}"""));
        await ApiAssert.SuccessAsync(await _server.IngestAsync("/v1/track", """{"userId":"e1","event":"Bought"}"""));

        var erased = await ApiAssert.SuccessAsync(await _server.AdminAsync(HttpMethod.Delete, "/api/profiles/e1"));
        Assert.True(erased.GetProperty("erased").GetBoolean());

        await ApiAssert.ErrorAsync(await _server.AdminAsync(HttpMethod.Get, "/api/profiles/e1"), HttpStatusCode.NotFound, "was erased");
        await ApiAssert.SuccessAsync(await _server.IngestAsync("/v1/track", """{"userId":"e1","event":"Late"}"""));
        await ApiAssert.SuccessAsync(await _server.IngestAsync("/v1/track", """{"anonymousId":"anon-e1","event":"Late"}"""));
        Assert.Empty(await _server.EventsOfAsync("e1"));
        Assert.Empty(await _server.EventsOfAsync("anon-e1"));
        Assert.Equal(2, _server.Metrics.EventsRefused.Value);
        await ApiAssert.ErrorAsync(await _server.AdminAsync(HttpMethod.Get, "/api/profiles/e1"), HttpStatusCode.NotFound, "was erased");

        var again = await ApiAssert.SuccessAsync(await _server.AdminAsync(HttpMethod.Delete, "/api/profiles/e1"));
        Assert.False(again.GetProperty("erased").GetBoolean());
    }

    [Fact]
    public async Task Erasing_an_id_never_seen_still_refuses_its_future_events()
    {
        var body = await ApiAssert.SuccessAsync(await _server.AdminAsync(HttpMethod.Delete, "/api/profiles/future"));
        Assert.False(body.GetProperty("erased").GetBoolean());
        await ApiAssert.SuccessAsync(await _server.IngestAsync("/v1/track", """{"userId":"future","event":"A"}"""));
        Assert.Empty(await _server.EventsOfAsync("future"));
    }
}
