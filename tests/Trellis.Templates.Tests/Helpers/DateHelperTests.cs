using Trellis.Core.Values;
using static Trellis.Templates.Tests.Support.TemplateHarness;

namespace Trellis.Templates.Tests.Helpers;

public sealed class DateHelperTests
{
    [Theory]
    [InlineData("{{date event.at \"yyyy-MM-dd\"}}", "2026-03-01")]
    [InlineData("{{date event.at \"dddd d MMMM yyyy, HH:mm\"}}", "Sunday 1 March 2026, 23:15")]
    [InlineData("{{date event.at \"O\"}}", "2026-03-01T23:15:00.0000000+00:00")]
    [InlineData("{{date event.at \"yyyy-MM-dd HH:mm zzz\" \"Europe/Paris\"}}", "2026-03-02 00:15 +01:00")]
    [InlineData("{{date event.at \"HH:mm\" \"America/New_York\"}}", "18:15")]
    [InlineData("{{date event.at \"HH:mm\" \"UTC\"}}", "23:15")]
    [InlineData("{{date event.at \"yyyy-MM-dd HH:mm\" profile.timezone}}", "2026-03-02 00:15")]
    [InlineData("{{date journey.entered_at \"d MMM, h:mm tt\"}}", "22 Nov, 9:30 AM")]
    [InlineData("{{date \"2026-05-04T10:00:00+02:00\" \"dd MMM yyyy HH:mm\"}}", "04 May 2026 08:00")]
    [InlineData("{{date \"2026-05-04\" \"ddd\"}}", "Mon")]
    public void Formats_times_with_a_dotnet_format_in_an_optional_zone(string source, string expected) =>
        Assert.Equal(expected, Render(source));

    [Theory]
    [InlineData("[{{date event.missing \"yyyy\"}}]")]
    [InlineData("[{{date profile.first_name \"yyyy\"}}]")]
    [InlineData("[{{date event.total \"yyyy\"}}]")]
    public void Renders_empty_text_for_missing_values_or_values_that_are_not_times(string source) =>
        Assert.Equal("[]", Render(source));

    [Fact]
    public void An_unknown_zone_read_from_data_falls_back_to_UTC()
    {
        var model = TemplateModelWith(("timezone", Value.String("Not/AZone")));
        Assert.Equal("23:15", Render("{{date event.at \"HH:mm\" profile.timezone}}", model));
    }

    [Fact]
    public void A_bad_format_read_from_data_is_a_typed_render_error()
    {
        var model = TemplateModelWith(("format", Value.String("%")));
        var error = Assert.Throws<TemplateRenderException>(() => Render("{{date event.at profile.format}}", model));
        Assert.Equal(TemplateRenderErrorKind.HelperFailed, error.Kind);
        Assert.Contains("date format \"%\"", error.Message);
    }

    private static TemplateModel TemplateModelWith((string, Value) trait) => new()
    {
        Profile = Map(trait),
        Event = Sample().Event,
    };
}
