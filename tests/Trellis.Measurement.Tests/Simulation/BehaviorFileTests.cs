using Trellis.Core.Journeys;
using Trellis.Measurement.Simulation.Behavior;

namespace Trellis.Measurement.Tests.Simulation;

public class BehaviorFileTests
{
    private const string Minimal = """
        personas:
          - name: shopper
            events:
              cart_abandoned: 0.5
        """;

    private static IReadOnlyList<string> Errors(string yaml)
    {
        var e = Assert.Throws<BehaviorFileException>(() => BehaviorReader.Read(yaml, "b.yaml"));
        return e.Diagnostics.Select(d => d.ToString()).ToList();
    }

    [Fact]
    public void The_default_model_reads_and_covers_the_example_journeys()
    {
        var model = BehaviorReader.Default();
        Assert.Equal("default", model.Source);
        Assert.Equal(["trialist", "subscriber", "shopper"], model.Personas.Select(p => p.Name));
        Assert.Contains(model.Responses, r => r.Journey == "trial-to-paid" && r.Event == "subscription_purchased");
        Assert.Equal(0.25, model.Channels[Channel.Email].Open);
    }

    [Fact]
    public void A_full_file_reads_every_field()
    {
        var model = BehaviorReader.Read("""
            start: 2026-01-05
            default_event_rate: 0
            timezones: {Europe/Berlin: 3, UTC: 1}
            reachability: {email: 0.8, phone: 0.1}
            consent:
              sms: {yes: 0.3}
              promotions: {no: 0.2}
            personas:
              - name: buyer
                share: 2
                traits:
                  plan: {pick: [free, pro]}
                  nps: {chance: 0.5, value: {int: [0, 10]}}
                  renewal_date: {date: [-10d, 30d]}
                  vip: true
                events:
                  order_completed: {rate: 0.1, dispersion: 1.5}
                  signup: {rate: 0.2, once: true, at_start: 0.5}
                  renewed: {at_trait: renewal_date, probability: 0.9}
            events:
              order_completed:
                properties:
                  order_id: unique
                  total: {lognormal: {median: 50, sigma: 0.5}}
                  weight: {normal: {mean: 2, sd: 0.5}}
                  discount: {uniform: [0, 0.3]}
                follow:
                  - {event: order_delivered, probability: 0.9, after: [1d, 3d], copy: [order_id]}
                  - {event: review, after: 7d, copy: {order_ref: order_id}}
            channels:
              email: {deliver: 0.99, open: 0.3, click: 0.1, open_delay: 2h, click_delay: 5m}
            responses:
              - {journey: j, step: s, event: order_completed, probability: 0.02, after_click: 0.1, after: [1h, 1d]}
            """, "full.yaml");
        Assert.Equal(NodaTime.Instant.FromUtc(2026, 1, 5, 0, 0), model.Start);
        Assert.Equal(0, model.DefaultEventRate);
        Assert.Equal(0.75, model.Timezones.Share(0), 12);
        Assert.Equal(0.8, model.Reachability[Channel.Email]);
        Assert.Equal(new ConsentRule("sms", 0.3, 0), model.Consent[0]);
        var buyer = Assert.Single(model.Personas);
        Assert.Equal(["plan", "nps", "renewal_date", "vip"], buyer.Traits.Select(t => t.Name));
        Assert.IsType<ChanceGenerator>(buyer.Traits[1].Generator);
        Assert.True(buyer.Events[1].Once);
        Assert.Equal("renewal_date", buyer.Events[2].AtTrait);
        var order = model.Events["order_completed"];
        Assert.IsType<UniqueIdGenerator>(order.Properties[0].Generator);
        Assert.Equal(new PropertyCopy("order_ref", "order_id"), order.FollowUps[1].Copy[0]);
        Assert.Equal(NodaTime.Duration.FromDays(1), order.FollowUps[0].Delay.Min);
        Assert.Equal(0.1, model.Channels[Channel.Email].Click);
        Assert.Equal("s", model.Responses[0].Step);
    }

    [Fact]
    public void A_minimal_file_gets_the_documented_defaults()
    {
        var model = BehaviorReader.Read(Minimal, "m.yaml");
        Assert.Equal(0.02, model.DefaultEventRate);
        Assert.Equal(0.9, model.Reachability[Channel.Email]);
        Assert.Equal(ChannelResponse.DefaultFor(Channel.Sms), model.ResponseOf(Channel.Sms));
        Assert.Equal(0.5, model.Personas[0].Events[0].PerDay);
    }

    [Fact]
    public void Mistakes_are_reported_with_file_and_line()
    {
        var errors = Errors("""
            personas:
              - name: shopper
                share: lots
                events:
                  cart_abandoned: {rate: 0.5, once: maybe}
            channels:
              pigeon: {open: 0.5}
              email: {open: 1.5}
            responses:
              - {journey: j, event: e, after: soon}
            colour: blue
            """);
        Assert.Equal(
        [
            "b.yaml:11: unknown field 'colour' in the behaviour file (fields: start, default_event_rate, timezones, reachability, consent, personas, events, channels, responses)",
            "b.yaml:3: persona 'shopper' share must be a number, not 'lots'",
            "b.yaml:5: event 'cart_abandoned' of persona 'shopper' once must be true or false, not 'maybe'",
            "b.yaml:7: unknown channel 'pigeon' (channels: email, sms, push, in_app, webhook, direct_mail, task)",
            "b.yaml:8: channel 'email' open (a probability) must lie between 0 and 1, not 1.5",
            "b.yaml:10: a response after: 'soon' is not a duration; write one like 30m, 48h, 14d, 2w or 1d6h",
        ], errors);
    }

    [Fact]
    public void Generator_mistakes_name_the_trait_or_property()
    {
        var errors = Errors("""
            personas:
              - name: p
                traits:
                  plan: [free, pro]
                  size: {gaussian: 3}
                  total: {lognormal: {median: 10}}
                  age: {int: [1.5, 9]}
            timezones: {Mars/Olympus: 1}
            """);
        Assert.Contains("b.yaml:4: trait 'plan' of persona 'p' is a list: write {pick: [a, b]} to choose one of them", errors);
        Assert.Contains("b.yaml:5: trait 'size' of persona 'p' must be a value, 'unique', or one of {pick: …}, {uniform: …}, {int: …}, {lognormal: …}, {normal: …}, {date: …}, {chance: …}", errors);
        Assert.Contains("b.yaml:6: trait 'total' of persona 'p' needs sigma", errors);
        Assert.Contains("b.yaml:7: trait 'age' of persona 'p': int takes whole numbers [min, max] with min ≤ max", errors);
        Assert.Contains("b.yaml:8: unknown time zone 'Mars/Olympus' (IANA names such as Europe/Berlin)", errors);
    }

    [Fact]
    public void Broken_yaml_and_missing_personas_are_reported()
    {
        var broken = Errors("personas:\n  - name: [unclosed\n");
        Assert.StartsWith("b.yaml:", Assert.Single(broken));
        Assert.Contains("not valid YAML", broken[0]);
        Assert.Equal(["b.yaml:1: a behaviour file needs personas: (a list of {name, share, traits, events})"], Errors("start: 2026-01-01\n"));
    }
}
