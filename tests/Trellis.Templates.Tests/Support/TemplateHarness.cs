using NodaTime;
using Trellis.Core.Journeys;
using Trellis.Core.Templates;
using Trellis.Core.Values;

namespace Trellis.Templates.Tests.Support;

/// <summary>Builds one-part definitions and sample models, and renders a source in a single call.</summary>
internal static class TemplateHarness
{
    public static readonly Instant EnteredAt = Instant.FromUtc(2026, 11, 22, 9, 30, 0);

    public static TemplateDefinition Definition(Channel channel, params (string Part, string Source)[] parts) => new()
    {
        Id = "test",
        Sections = new Dictionary<Channel, IReadOnlyDictionary<string, string>>
        {
            [channel] = parts.ToDictionary(p => p.Part, p => p.Source),
        },
        Location = new SourceLocation("test.template.yaml", 1),
    };

    /// <summary>Renders <paramref name="source"/> as an email part; "text" is plain, "html" escapes.</summary>
    public static string Render(string source, TemplateModel? model = null, string part = "text", TemplateRenderer? renderer = null)
    {
        var definition = Definition(Channel.Email, (part, source));
        return (renderer ?? new TemplateRenderer()).Render(definition, Channel.Email, model ?? Sample()).Part(part);
    }

    public static Value Map(params (string Key, Value Value)[] entries) =>
        Value.Map(entries.ToDictionary(e => e.Key, e => e.Value));

    public static TemplateModel Sample() => new()
    {
        Profile = Map(
            ("first_name", Value.String("Ada")),
            ("last_name", Value.String("Lovelace")),
            ("company", Value.String("Analytical & Co")),
            ("billing_url", Value.String("https://acme.test/billing?u=1&x=2")),
            ("hours_saved", Value.Number(42)),
            ("vip", Value.True),
            ("timezone", Value.String("Europe/Paris")),
            ("tags", Value.List([Value.String("a"), Value.String("b")]))),
        Event = Map(
            ("order_id", Value.String("A-1001")),
            ("total", Value.Number(1234.5)),
            ("category", Value.String("tents")),
            ("product", Value.String("Coffee beans")),
            ("reorder_url", Value.String("https://acme.test/reorder/7")),
            ("at", Value.Time(Instant.FromUtc(2026, 3, 1, 23, 15, 0)))),
        Journey = new TemplateJourney("welcome", Value.String("A-1001"), EnteredAt),
        UnsubscribeUrl = "https://acme.test/u/abc?t=1&s=2",
        PreferencesUrl = "https://acme.test/p/abc",
    };
}
