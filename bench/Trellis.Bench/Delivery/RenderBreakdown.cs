using System.Diagnostics;
using NodaTime;
using Trellis.Channels.Tracking;
using Trellis.Core.Journeys;
using Trellis.Core.Values;
using Trellis.Server.Processing;
using Trellis.Templates;

namespace Trellis.Bench.Delivery;

/// <summary>
/// Where the CPU of one composed email goes: the Handlebars render, signing the two recipient links, and the
/// payload's JSON. Microseconds of CPU per email for each part, measured alone over the same people.
/// </summary>
internal static class RenderBreakdown
{
    public static string Measure(WorkspaceRuntime runtime, RecipientLinks links, int people)
    {
        var template = runtime.Templates["news"];
        var renderer = new TemplateRenderer();
        var persons = Enumerable.Range(0, people).Select(i => SendDecisions.Person(i)).ToArray();
        var now = SystemClock.Instance.GetCurrentInstant();
        var send = SendDecisions.Send(persons[0], now);

        var render = CpuPerItem(persons, p => renderer.Render(template, Channel.Email, new TemplateModel
        {
            Profile = Value.Map(p.TraitsOrEmpty),
            Event = send.EnterEvent!.Properties,
            Journey = new TemplateJourney("news", default, now),
            UnsubscribeUrl = "https://trellis.bench.example/unsubscribe/x",
            PreferencesUrl = "https://trellis.bench.example/preferences/x",
        }));
        var sign = CpuPerItem(persons, p => (links.Unsubscribe("bench", p.Id, "news#1/news-email"), links.Preferences("bench", p.Id)));
        var composer = new SendComposer(renderer, links);
        var payload = composer.Compose("bench", runtime, persons[0], send);
        var json = CpuPerItem(persons, _ => OutboxPayloadJson.Serialize(payload));
        return $"CPU per email: template {render:F1} µs, two signed links {sign:F1} µs, payload JSON {json:F1} µs";
    }

    private static double CpuPerItem<T>(IReadOnlyList<T> items, Func<T, object> work)
    {
        var sink = 0;
        var before = Process.GetCurrentProcess().TotalProcessorTime;
        foreach (var item in items)
        {
            sink ^= work(item).GetHashCode();
        }

        GC.KeepAlive(sink);
        return (Process.GetCurrentProcess().TotalProcessorTime - before).TotalMicroseconds / items.Count;
    }
}
