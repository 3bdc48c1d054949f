using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using Trellis.Server.Dashboard;
using Trellis.Server.Dashboard.Auth;
using Trellis.Storage;

namespace Trellis.Dashboard.Tests.Auth;

public sealed class SessionCookieTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 3, 2, 9, 0);

    private static SessionSigningKey Key(string? text = null) =>
        new(new DashboardSettings { SessionKey = text }, NullLogger<SessionSigningKey>.Instance);

    private static DashboardSession Session() =>
        new("sid1", new WorkspaceId("default"), "key", "csrf-token", Now, Now + Duration.FromHours(12), "stamp");

    [Fact]
    public void A_cookie_reads_back_as_the_same_session()
    {
        var key = Key();
        Assert.Equal(Session(), SessionCookie.Decode(SessionCookie.Encode(Session(), key), key, Now + Duration.FromHours(1)));
    }

    [Fact]
    public void An_expired_cookie_or_another_servers_cookie_is_none()
    {
        var key = Key();
        var cookie = SessionCookie.Encode(Session(), key);
        Assert.Null(SessionCookie.Decode(cookie, key, Now + Duration.FromHours(12)));
        Assert.Null(SessionCookie.Decode(cookie, Key(), Now));
    }

    [Fact]
    public void The_same_configured_key_verifies_across_processes()
    {
        const string text = "0123456789abcdef0123456789abcdef-shared";
        var cookie = SessionCookie.Encode(Session(), Key(text));
        Assert.Equal(Session(), SessionCookie.Decode(cookie, Key(text), Now));
    }

    [Fact]
    public void A_short_configured_key_is_refused_at_start()
    {
        Assert.Throws<InvalidOperationException>(() => Key("too short"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("v1")]
    [InlineData("v1.a.b")]
    [InlineData("v2.e30.e30")]
    [InlineData("v1.%%%.###")]
    public void Malformed_cookies_are_none(string? value)
    {
        Assert.Null(SessionCookie.Decode(value, Key(), Now));
    }
}
