namespace Trellis.Delivery.Tests.Support;

/// <summary>Small content folders for the tests: one journey per channel, each sending once per entry event.</summary>
public static class TestContent
{
    public const string Policies = "consent_default: opt_out\n";

    /// <summary>Journey <c>news</c> (topic news): an email on every <c>news_requested</c>.</summary>
    public static Dictionary<string, string> Email() => new()
    {
        ["policies.yaml"] = Policies,
        ["journeys/news.journey.yaml"] = """
            journey: news
            name: News
            topic: news
            entry:
              event: news_requested
              reentry: always
            steps:
              - id: news-email
                send: {channel: email, template: news}
            """,
        ["templates/news.template.yaml"] = """
            template: news
            email:
              subject: 'News for {{default profile.first_name "you"}}'
              html: |
                <html><body><p>Hi {{default profile.first_name "there"}},</p>
                <p><a href="https://shop.example.test/offer">See the offer</a></p>
                <p><a href="{{preferences_url}}">Preferences</a> · <a href="{{unsubscribe_url}}">Unsubscribe</a></p></body></html>
              text: |
                Hi {{default profile.first_name "there"}},
                See the offer: https://shop.example.test/offer
                Unsubscribe: {{unsubscribe_url}}
            """,
    };

    /// <summary>Journey <c>tips</c> (topic tips): an in-app message on every <c>tip_requested</c>.</summary>
    public static Dictionary<string, string> InApp() => new()
    {
        ["policies.yaml"] = Policies,
        ["journeys/tips.journey.yaml"] = """
            journey: tips
            name: Tips
            topic: tips
            entry:
              event: tip_requested
              reentry: always
            steps:
              - id: tip
                send: {channel: in_app, template: tip}
            """,
        ["templates/tip.template.yaml"] = """
            template: tip
            in_app:
              title: 'A tip for {{default profile.first_name "you"}}'
              body: 'Invite a teammate.'
            """,
    };

    /// <summary>Journey <c>sms-promo</c> (topic promotions): an SMS on every <c>sms_requested</c>.</summary>
    public static Dictionary<string, string> Sms() => new()
    {
        ["policies.yaml"] = Policies,
        ["journeys/sms-promo.journey.yaml"] = """
            journey: sms-promo
            name: SMS promo
            topic: promotions
            entry:
              event: sms_requested
              reentry: always
            steps:
              - id: promo-sms
                send: {channel: sms, template: promo-sms}
            """,
        ["templates/promo-sms.template.yaml"] = """
            template: promo-sms
            sms:
              body: 'Hi {{default profile.first_name "there"}}, 20% off today. Reply STOP to opt out.'
            """,
    };

    /// <summary>Journey <c>hook</c> (topic partners): a webhook to <paramref name="url"/> on every <c>hook_requested</c>, carrying the unsubscribe URL.</summary>
    public static Dictionary<string, string> Webhook(string url) => new()
    {
        ["policies.yaml"] = Policies,
        ["journeys/hook.journey.yaml"] = """
            journey: hook
            name: Partner webhook
            topic: partners
            entry:
              event: hook_requested
              reentry: always
            steps:
              - id: notify-partner
                send: {channel: webhook, template: partner}
            """,
        ["templates/partner.template.yaml"] = $$$"""
            template: partner
            webhook:
              url: '{{{url}}}'
              body: '{"user": "{{profile.email}}", "unsubscribe": "{{unsubscribe_url}}"}'
            """,
    };
}
