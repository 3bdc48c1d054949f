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

    [Fact]
    public void Deep_nesting_is_refused()
    {
        var deep = "journey: bad\nentry: " + new string('[', 100) + new string(']', 100) + "\n";
        Assert.Equal(["journeys/bad.journey.yaml:2: YAML syntax error: nesting is deeper than 64 levels"], JourneyCheck.Diagnostics(deep));
    }

    [Fact]
    public void Anchors_and_aliases_work()
    {
        using var content = JourneyCheck.WithTemplates().Write(JourneyCheck.File, JourneyCheck.WithSteps("""
              - id: hello
                send: &mail {channel: email, template: welcome}
              - id: again
                send: *mail
            """));
        var set = content.Load(JourneyCheck.File);
        Assert.Empty(set.Diagnostics);
        Assert.Equal(2, set.Journeys[0].Steps.Count);
    }

    [Fact]
    public void Plain_scalars_are_typed_and_quoted_ones_are_text()
    {
        using var content = ScenarioCheck.Folder().Write(ScenarioCheck.File, ScenarioCheck.Head.Replace(
            "traits: {email: a@example.com,",
            "traits: {n: 12, f: 1.5, hex: 0x1F, t: true, no: null, tilde: ~, s: '12', d: \"true\", word: yes, email: a@example.com,"));
        var traits = content.Load(ScenarioCheck.File).Scenarios[0].Profiles[0].Traits;
        Assert.Equal(Trellis.Core.Values.Value.Number(12), traits["n"]);
        Assert.Equal(Trellis.Core.Values.Value.Number(1.5), traits["f"]);
        Assert.Equal(Trellis.Core.Values.Value.Number(31), traits["hex"]);
        Assert.Equal(Trellis.Core.Values.Value.True, traits["t"]);
        Assert.True(traits["no"].IsNull);
        Assert.True(traits["tilde"].IsNull);
        Assert.Equal(Trellis.Core.Values.Value.String("12"), traits["s"]);
        Assert.Equal(Trellis.Core.Values.Value.String("true"), traits["d"]);
        Assert.Equal(Trellis.Core.Values.Value.String("yes"), traits["word"]);
    }

    [Fact]
    public void Unsupported_tags_are_errors()
    {
        Assert.Equal(["journeys/bad.journey.yaml:1: unsupported YAML tag '!custom'; only !!str is allowed"],
            JourneyCheck.Diagnostics("journey: !custom bad\nentry: {event: a}\nsteps:\n  - id: hello\n    send: {channel: email, template: welcome}\n"));
    }
}
