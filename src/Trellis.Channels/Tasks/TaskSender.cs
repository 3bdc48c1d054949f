using System.Text.Json.Nodes;
using Trellis.Channels.Webhooks;
using Trellis.Core.Journeys;

namespace Trellis.Channels.Tasks;

/// <summary>
/// The task channel: asks a person on the team to do something (call this lead, check this
/// account) by POSTing a JSON task to the configured webhook.
/// </summary>
public sealed class TaskSender(TaskOptions options, SignedJsonPoster poster) : IChannelSender
{
    public async Task<DeliveryResult> SendAsync(OutboundMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Channel != Channel.Task)
        {
            return new DeliveryFailed(FailureReason.Misconfigured, $"the task sender cannot send {message.Channel.Name()}");
        }

        if (string.IsNullOrWhiteSpace(options.Url))
        {
            return new DeliveryFailed(FailureReason.Misconfigured, "Tasks:Url is not configured");
        }

        var title = message.Part(MessageParts.Title);
        if (title is null)
        {
            return new DeliveryFailed(FailureReason.InvalidContent, "a task needs a title");
        }

        return await poster.PostAsync(options.Url, Payload(message, title), message.IdempotencyKey, message.Headers, ct).ConfigureAwait(false);
    }

    internal static string Payload(OutboundMessage message, string title)
    {
        var metadata = new JsonObject();
        foreach (var (key, value) in message.Metadata)
        {
            metadata[key] = value;
        }

        return new JsonObject
        {
            ["type"] = "task",
            ["id"] = message.IdempotencyKey.Value,
            ["workspace"] = message.Workspace,
            ["person_id"] = message.PersonId,
            ["title"] = title,
            ["body"] = message.Part(MessageParts.Body) ?? "",
            ["metadata"] = metadata,
        }.ToJsonString();
    }
}
