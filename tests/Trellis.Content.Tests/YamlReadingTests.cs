using Trellis.Content.Tests.Support;

namespace Trellis.Content.Tests;

/// <summary>The YAML layer: syntax errors, duplicate keys, unknown fields, scalar typing — all with file:line.</summary>
public class YamlReadingTests
{
    [Fact]
    public void Syntax_error_is_reported_at_its_line()
    {
        var d = JourneyCheck.Diagnostics("journey: bad\nentry:\n  event: [signed_up\nsteps: []\n");
        Assert.Equal(["journeys/bad.journey.yaml:3: YAML syntax error: cannot read on from here; is a bracket, brace or quote left open?"], d);
    }

    [Fact]
    public void Bad_indentation_is_a_syntax_error()
    {
        var d = JourneyCheck.Diagnostics("journey: bad\nentry:\n  event: signed_up\n    when: x\n");
        Assert.Equal(["journeys/bad.journey.yaml:4: YAML syntax error: while scanning a plain scalar value, found invalid mapping"], d);
    }

    [Fact]
    public void Duplicate_key_is_an_error()
    {
        var d = JourneyCheck.Diagnostics(JourneyCheck.WithSteps("""
              - id: hello
                send: {channel: email, template: welcome}
            journey: again
            """));
        Assert.Equal(["journeys/bad.journey.yaml:7: duplicate key 'journey' (first at line 1)"], d);
    }

    [Fact]
    public void Unknown_field_suggests_the_near_miss()
    {
        var d = JourneyCheck.Diagnostics("""
            journey: bad
            entry:
              event: signed_up
            stpes:
              - id: hello
                send: {channel: email, template: welcome}
            """);
        Assert.Equal(
        [
            "journeys/bad.journey.yaml:1: a journey file needs 'steps'",
            "journeys/bad.journey.yaml:4: unknown field 'stpes' in journey; did you mean 'steps'?",
        ], d);
    }

    [Fact]
    public void Unknown_field_without_a_near_miss_lists_the_fields()
    {
        var d = JourneyCheck.Diagnostics(JourneyCheck.WithSteps("""
              - id: hello
                send: {channel: email, template: welcome}
            colour: blue
            """));
        Assert.Equal(
        [
            "journeys/bad.journey.yaml:7: unknown field 'colour' in journey; fields are: journey, name, description, owner, priority, topic, transactional, entry, exit, goal, holdout, steps",
        ], d);
    }

    [Fact]
    public void Empty_file_is_an_error()
    {
        Assert.Equal(["journeys/bad.journey.yaml:1: the file is empty; a journey needs 'journey', 'entry' and 'steps'"],
            JourneyCheck.Diagnostics("# nothing here\n"));
    }

    [Fact]
    public void A_second_document_is_an_error()
    {
        var d = JourneyCheck.Diagnostics(JourneyCheck.WithSteps("  - id: hello\n    send: {channel: email, template: welcome}\n---\njourney: other\n"));
        Assert.Equal(["journeys/bad.journey.yaml:7: a file holds one YAML document; remove the second one ('---')"], d);
    }

    [Fact]
    public void A_list_at_the_top_is_an_error()
    {
        Assert.Equal(["journeys/bad.journey.yaml:1: a journey file must be a mapping, not a list"],
            JourneyCheck.Diagnostics("- journey: bad\n"));
    }
}
