using Trellis.Content.Tests.Support;
using Trellis.Core.Journeys;
using Trellis.Core.Templates;

namespace Trellis.Content.Tests;

/// <summary>Paths, file kinds, the templates/ convention, in-memory sources and the workspace.</summary>
public class LoaderTests
{
    private const string Journey = "journey: j\nentry: {event: a}\nsteps:\n  - id: hello\n    send: {channel: email, template: welcome}\n";

    [Fact]
    public void Diagnostic_prints_file_line_message()
    {
        var d = new Diagnostic(new SourceLocation("journeys/a.journey.yaml", 12), "no step 'foo'");
        Assert.Equal("journeys/a.journey.yaml:12: no step 'foo'", d.ToString());
    }

    [Fact]
    public void Missing_path()
    {
        using var content = new TempContent();
        Assert.Equal(["nope:1: no such file or folder"], content.Diagnostics("nope"));
    }

    [Fact]
    public void A_file_named_explicitly_must_be_a_content_file()
    {
        using var content = new TempContent().Write("notes.yaml", "a: 1\n");
        Assert.Equal(["notes.yaml:1: not a content file: names are *.journey.yaml, *.template.yaml, *.scenario.yaml, policies.yaml or *.model.json"],
            content.Diagnostics("notes.yaml"));
    }

    [Fact]
    public void Other_files_in_a_folder_are_left_alone()
    {
        using var content = JourneyCheck.WithTemplates()
            .Write("journeys/j.journey.yaml", Journey)
            .Write("journeys/README.md", "# notes\n")
            .Write("journeys/draft.yaml", "not: [valid\n")
            .Write(".hidden/x.journey.yaml", "broken: [\n");
        var set = content.Load();
        Assert.Empty(set.Diagnostics);
        Assert.Single(set.Journeys);
    }

    [Fact]
    public void File_kinds_come_from_names()
    {
        Assert.Equal(ContentFileKind.Journey, ContentFileKinds.Of("a/b.journey.yaml"));
        Assert.Equal(ContentFileKind.Template, ContentFileKinds.Of("b.template.yml"));
        Assert.Equal(ContentFileKind.Policies, ContentFileKinds.Of("x/policies.yaml"));
        Assert.Equal(ContentFileKind.Scenario, ContentFileKinds.Of("s.scenario.yaml"));
        Assert.Null(ContentFileKinds.Of("journey.yaml"));
        Assert.Null(ContentFileKinds.Of("my-policies.yaml"));
    }

    [Fact]
    public void Relative_paths_stay_relative()
    {
        using var content = JourneyCheck.WithTemplates().Write("journeys/j.journey.yaml", Journey.Replace("welcome}", "missing}"));
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, content.Root);
        var set = ContentLoader.Load(relative);
        var message = Assert.Single(set.Diagnostics).ToString();
        Assert.Equal(relative.Replace('\\', '/') + "/journeys/j.journey.yaml:5: no template 'missing'", message.Replace('\\', '/'));
    }

    [Fact]
    public void Scenario_paths_are_joined_without_dot_dot()
    {
        using var content = ScenarioCheck.Folder()
            .Write("journeys/trial.journey.yaml", "journey: trial\nentry: {event: a}\nsteps: []\n")
            .Write(ScenarioCheck.File, ScenarioCheck.Head);
        var set = ContentLoader.Load(Path.Combine(content.Root, "scenarios"));
        Assert.Equal([content.Root + "/journeys/trial.journey.yaml:3: steps is empty; a journey needs at least one step"],
            set.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Templates_folder_next_to_the_journeys_folder_is_used()
    {
        using var content = JourneyCheck.WithTemplates().Write("journeys/j.journey.yaml", Journey);
        var set = content.Load("journeys/j.journey.yaml");
        Assert.Empty(set.Diagnostics);
        Assert.Equal(3, set.Templates.Count);
    }

    [Fact]
    public void Without_templates_the_reference_is_missing()
    {
        using var content = new TempContent().Write("journeys/j.journey.yaml", Journey);
        Assert.Equal(["journeys/j.journey.yaml:5: no template 'welcome'"], content.Diagnostics("journeys/j.journey.yaml"));
    }

    [Fact]
    public void A_file_reached_twice_is_read_and_reported_once()
    {
        using var content = JourneyCheck.WithTemplates().Write("journeys/j.journey.yaml", Journey.Replace("id: hello", "id: hello\n    nxt: x"));
        var d = content.Diagnostics("journeys/j.journey.yaml", "journeys", "journeys/j.journey.yaml");
        Assert.Equal(["journeys/j.journey.yaml:5: unknown field 'nxt' in step 'hello'; did you mean 'next'?"], d);
    }

    [Fact]
    public void Sources_in_memory_are_validated_against_known_templates()
    {
        using var templates = JourneyCheck.WithTemplates();
        var known = templates.Load("templates").Templates;
        var set = ContentLoader.LoadSources([new ContentSource("upload.journey.yaml", Journey)], known);
        Assert.Empty(set.Diagnostics);
        Assert.Equal("j", Assert.Single(set.Journeys).Id);

        var bad = ContentLoader.LoadSources([new ContentSource("upload.journey.yaml", Journey.Replace("email", "sms"))], known);
        Assert.Equal(["upload.journey.yaml:5: template 'welcome' has no sms section"], bad.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Sources_in_memory_ignore_folders_on_disk()
    {
        var set = ContentLoader.LoadSources([new ContentSource("journeys/upload.journey.yaml", Journey)], Array.Empty<TemplateDefinition>());
        Assert.Equal(["journeys/upload.journey.yaml:5: no template 'welcome'"], set.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Invalid_journeys_are_left_out_and_the_workspace_orders_by_priority()
    {
        using var content = JourneyCheck.WithTemplates()
            .Write("journeys/low.journey.yaml", Journey.Replace("journey: j", "journey: low\npriority: 10"))
            .Write("journeys/high.journey.yaml", Journey.Replace("journey: j", "journey: high\npriority: 90"))
            .Write("journeys/broken.journey.yaml", Journey.Replace("journey: j", "journey: broken\npriority: 500"));
        var set = content.Load();
        Assert.Single(set.Diagnostics);
        Assert.False(set.IsValid);
        Assert.Equal(["high", "low"], set.ToWorkspace().Journeys.Select(j => j.Id));
        Assert.Equal(3, set.ToWorkspace().Templates.Count);
    }

    [Fact]
    public void A_journey_whose_template_has_errors_is_left_out()
    {
        using var content = JourneyCheck.WithTemplates()
            .Write("templates/welcome.template.yaml", "template: welcome\nemail:\n  subject: 'Hi {{shout profile.name}}'\n  text: 'x'\n")
            .Write("journeys/j.journey.yaml", Journey);
        var set = content.Load();
        Assert.Equal("templates/welcome.template.yaml:3: email.subject: unknown helper 'shout'", content.Relative(set).Single().Split(';')[0]);
        Assert.Empty(set.Journeys);
        Assert.Equal(2, set.Templates.Count);
    }

    [Fact]
    public void Journey_model_is_filled_in()
    {
        var set = ContentLoader.Load(RepoPaths.SharedExamples);
        var cart = set.Journeys.Single(j => j.Id == "cart-abandonment");
        Assert.Equal(30, cart.Priority);
        Assert.Equal("promotions", cart.Topic);
        Assert.Equal("event.cart_id", cart.Entry.Key!.Source);
        Assert.Equal(Reentry.Always, cart.Entry.Reentry);
        Assert.Equal("order_completed", Assert.Single(cart.Exits).EventName);
        Assert.Equal(NodaTime.Duration.FromDays(7), cart.Goal!.Within);
        Assert.Equal("event.total", cart.Goal.Value!.Source);
        var urgency = Assert.IsType<SendStep>(cart.FindStep("urgency"));
        Assert.Equal([Channel.Push, Channel.Email], urgency.Channels);
        Assert.Equal(cart.Steps.Count - 1, urgency.Next);

        var payment = set.Journeys.Single(j => j.Id == "payment-recovery");
        Assert.True(payment.Transactional);
        Assert.Equal(new Reentry(ReentryMode.After, NodaTime.Duration.FromDays(7)), payment.Entry.Reentry);

        var churn = set.Journeys.Single(j => j.Id == "churn-risk");
        Assert.Equal(10, churn.HoldoutPercent);
        Assert.IsType<SegmentTrigger>(churn.Entry.Trigger);

        var post = set.Journeys.Single(j => j.Id == "post-purchase");
        var makeVip = Assert.IsType<UpdateStep>(post.FindStep("make-vip"));
        Assert.Equal("tier", makeVip.Set[0].Key);
        Assert.Equal(WaitKind.UntilMoment, Assert.IsType<WaitStep>(post.FindStep("until-replenish")).WaitKind);

        var trial = set.Journeys.Single(j => j.Id == "trial-to-paid");
        Assert.Equal(WaitKind.UntilMoment, Assert.IsType<WaitStep>(trial.FindStep("until-day-10")).WaitKind);
        Assert.Equal(NodaTime.Duration.FromDays(1), Assert.IsType<WaitStep>(trial.FindStep("day-1")).Span);
        Assert.Equal("completed", Assert.IsType<ExitStep>(set.Journeys.Single(j => j.Id == "activation-assist").FindStep("already-active")).Reason);
    }
}
