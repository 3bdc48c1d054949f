using Microsoft.Extensions.Primitives;
using Trellis.Server.Dashboard.Auth;

namespace Trellis.Dashboard.Tests.Auth;

public sealed class LocalTargetTests
{
    [Theory]
    [InlineData("/journeys/win-back?step=offer", "/journeys/win-back?step=offer")]
    [InlineData("/", "/")]
    [InlineData("", "/")]
    [InlineData("//evil.example", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("javascript:alert(1)", "/")]
    [InlineData("/login?next=/x", "/")]
    [InlineData("/people/a\r\nSet-Cookie: x", "/")]
    public void Only_paths_on_this_server_are_targets(string next, string expected)
    {
        Assert.Equal(expected, LocalTarget.Of(new StringValues(next)));
    }
}
