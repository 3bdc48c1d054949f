using static Trellis.Templates.Tests.Support.TemplateHarness;

namespace Trellis.Templates.Tests.Helpers;

public sealed class TextCaseHelperTests
{
    [Theory]
    [InlineData("{{upper profile.first_name}}", "ADA")]
    [InlineData("{{lower profile.last_name}}", "lovelace")]
    [InlineData("{{upper \"straße i\"}}", "STRAßE I")]
    [InlineData("{{upper event.total}}", "1234.5")]
    [InlineData("{{lower profile.vip}}", "true")]
    [InlineData("[{{upper profile.missing}}]", "[]")]
    [InlineData("{{upper (default profile.nickname profile.first_name)}}", "ADA")]
    public void Changes_case_in_the_invariant_culture(string source, string expected) =>
        Assert.Equal(expected, Render(source));
}
