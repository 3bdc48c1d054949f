using System.Globalization;
using Trellis.Channels.Tracking;
using Trellis.Core.Engine.Effects;
using Trellis.Core.Engine.State;
using Trellis.Core.Journeys;
using Trellis.Core.Values;
using Trellis.Templates;

namespace Trellis.Server.Processing;

/// <summary>
/// Turns a send decision into an outbox payload: renders the template's section for the chosen channel with the
/// person's profile and entering event, resolves the address, and signs the unsubscribe and preference links.
/// A template that fails to render gives a payload with an error, never an exception: one bad template must
/// not stop the engine.
/// </summary>
public sealed class SendComposer(TemplateRenderer renderer, RecipientLinks? links)
{
    public OutboxPayload Compose(string workspace, WorkspaceRuntime runtime, PersonState person, in Effect send)
    {
        var channel = send.Channel!.Value;
        var payload = new OutboxPayload
        {
            Journey = send.Journey,
            Step = send.Step!,
            Template = send.Template!,
            Channel = channel.Name(),
            Instance = send.Instance,
            Marketing = send.Marketing,
            Address = channel.AddressTrait() is { } trait && person.Trait(trait) is { IsNull: false } a ? a.ToString() : null,
        };
        if (!runtime.Templates.TryGetValue(send.Template!, out var template))
        {
            return payload with { Error = $"template '{send.Template}' is not in the workspace" };
        }

        var sendId = SendId(send);
        var unsubscribe = links?.UnsubscribeUrl(workspace, person.Id, sendId);
        var model = new TemplateModel
        {
            Profile = Value.Map(person.TraitsOrEmpty),
            Event = send.EnterEvent?.Properties ?? EventRecord.EmptyProperties,
            Journey = new TemplateJourney(send.Journey, Value.String(send.Key), send.EnteredAt),
            UnsubscribeUrl = unsubscribe,
            PreferencesUrl = links?.PreferencesUrl(workspace, person.Id),
        };
        try
        {
            var rendered = renderer.Render(template, channel, model);
            // Only email reads the link from the payload (its List-Unsubscribe header); the other channels had it rendered
            // into their parts already, and storing ~200 bytes per send they never read slowed every outbox write.
            return payload with { Parts = rendered.Parts, UnsubscribeUrl = channel == Channel.Email ? unsubscribe : null };
        }
        catch (TemplateRenderException e)
        {
            return payload with { Error = e.Message };
        }
    }

    private static string SendId(in Effect send) =>
        string.Create(CultureInfo.InvariantCulture, $"{send.Journey}#{send.Instance}/{send.Step}");
}
