using Trellis.Core.Values;
using Trellis.Templates.Tests.Support;
using static Trellis.Templates.Tests.Support.TemplateHarness;

namespace Trellis.Templates.Tests.Helpers;

public sealed class DefaultHelperTests
{
    private static TemplateModel WithProfile(params (string, Value)[] traits) => new() { Profile = Map(traits) };

    [Fact]
    public void Uses_the_value_when_present() =>
        Assert.Equal("Hi Ada", Render("Hi {{default profile.first_name \"there\"}}"));

    [Fact]
    public void Falls_back_when_missing() =>
        Assert.Equal("Hi there", Render("Hi {{default profile.first_name \"there\"}}", TemplateModel.Empty));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Falls_back_when_blank(string blank) =>
        Assert.Equal("there", Render("{{default profile.first_name \"there\"}}", WithProfile(("first_name", Value.String(blank)))));

    [Fact]
    public void Falls_back_when_the_list_is_empty() =>
        Assert.Equal("none", Render("{{default profile.tags \"none\"}}", WithProfile(("tags", Value.List([])))));

    [Fact]
    public void Takes_the_first_non_empty_of_several() =>
        Assert.Equal("Lovelace", Render("{{default profile.nickname profile.last_name \"friend\"}}"));

    [Fact]
    public void Keeps_the_value_type_for_other_helpers() =>
        Assert.Equal("0.00", Render("{{number (default event.discount 0) \"0.00\"}}"));

    [Fact]
    public void Keeps_zero_and_false_which_are_values() =>
        Assert.Equal("0 false", Render("{{default profile.n \"x\"}} {{default profile.b \"x\"}}",
            WithProfile(("n", Value.Number(0)), ("b", Value.False))));
}
