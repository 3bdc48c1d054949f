using Trellis.Core.Values;
using static Trellis.Templates.Tests.Support.TemplateHarness;

namespace Trellis.Templates.Tests.Helpers;

public sealed class NumberHelperTests
{
    [Theory]
    [InlineData("{{number event.total \"0.00\"}}", "1234.50")]
    [InlineData("{{number event.total \"#,##0.00\"}}", "1,234.50")]
    [InlineData("{{number 1234.56 \"N1\"}}", "1,234.6")]
    [InlineData("{{number event.total \"C\"}}", "¤1,234.50")]
    [InlineData("{{number event.total}}", "1234.5")]
    [InlineData("{{number profile.hours_saved \"0.0\"}}", "42.0")]
    [InlineData("{{number \"3.14159\" \"0.00\"}}", "3.14")]
    [InlineData("{{number 7 \"000\"}}", "007")]
    [InlineData("{{number -2.5 \"0.0\"}}", "-2.5")]
    [InlineData("{{number 0.125 \"P1\"}}", "12.5 %")]
    public void Formats_numbers_in_the_invariant_culture(string source, string expected) =>
        Assert.Equal(expected, Render(source));

    [Theory]
    [InlineData("[{{number event.missing \"0.00\"}}]")]
    [InlineData("[{{number profile.first_name \"0.00\"}}]")]
    public void Renders_empty_text_for_missing_or_non_numeric_values(string source) =>
        Assert.Equal("[]", Render(source));

    [Fact]
    public void A_bad_format_read_from_data_is_a_typed_render_error()
    {
        var model = new TemplateModel { Profile = Map(("format", Value.String("Q"))), Event = Sample().Event };
        var error = Assert.Throws<TemplateRenderException>(() => Render("{{number event.total profile.format}}", model));
        Assert.Equal(TemplateRenderErrorKind.HelperFailed, error.Kind);
    }
}
