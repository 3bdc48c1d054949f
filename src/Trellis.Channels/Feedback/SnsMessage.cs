using System.Text.Json;

namespace Trellis.Channels.Feedback;

/// <summary>
/// An Amazon SNS message as SNS posts it to an HTTP(S) subscription: the envelope's fields that the signature
/// covers or that verifying it needs. <see cref="Read"/> is strict where the signature depends on it: every field
/// must be a JSON string, and a field that appears twice is refused, because two readers of one body (the verifier
/// and the SES parser) could otherwise each pick a different copy.
/// </summary>
public sealed record SnsMessage
{
    public const string Notification = "Notification";
    public const string SubscriptionConfirmation = "SubscriptionConfirmation";
    public const string UnsubscribeConfirmation = "UnsubscribeConfirmation";

    public required string Type { get; init; }

    public required string MessageId { get; init; }

    public required string TopicArn { get; init; }

    public required string Message { get; init; }

    public required string Timestamp { get; init; }

    public required string SignatureVersion { get; init; }

    public required string Signature { get; init; }

    public required string SigningCertUrl { get; init; }

    /// <summary>Notifications only, and only when the publisher gave one (then it is signed too).</summary>
    public string? Subject { get; init; }

    /// <summary>Subscription and unsubscribe confirmations only.</summary>
    public string? SubscribeUrl { get; init; }

    /// <summary>Subscription and unsubscribe confirmations only.</summary>
    public string? Token { get; init; }

    public bool IsConfirmation => Type is SubscriptionConfirmation or UnsubscribeConfirmation;

    /// <summary>The message in <paramref name="root"/>, or null with <paramref name="error"/> saying what is wrong with it.</summary>
    public static SnsMessage? Read(JsonElement root, out string? error)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            error = "the body is not a JSON object";
            return null;
        }

        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in root.EnumerateObject())
        {
            if (!fields.TryAdd(property.Name, property.Value))
            {
                error = $"the SNS message repeats the field '{property.Name}'";
                return null;
            }
        }

        if (!fields.ContainsKey("Type"))
        {
            error = fields.ContainsKey("notificationType") || fields.ContainsKey("eventType")
                ? "an unsigned SES notification: SES feedback must arrive as a signed SNS message"
                : "not an SNS message (no Type)";
            return null;
        }

        var reader = new FieldReader(fields);
        var type = reader.Required("Type");
        if (type is not (Notification or SubscriptionConfirmation or UnsubscribeConfirmation) && reader.Error is null)
        {
            error = $"unknown SNS message Type '{type}'";
            return null;
        }

        var confirmation = type is SubscriptionConfirmation or UnsubscribeConfirmation;
        var message = new SnsMessage
        {
            Type = type,
            MessageId = reader.Required("MessageId"),
            TopicArn = reader.Required("TopicArn"),
            Message = reader.Required("Message"),
            Timestamp = reader.Required("Timestamp"),
            SignatureVersion = reader.Required("SignatureVersion"),
            Signature = reader.Required("Signature"),
            SigningCertUrl = reader.Required("SigningCertURL"),
            Subject = confirmation ? null : reader.Optional("Subject"),
            SubscribeUrl = confirmation ? reader.Required("SubscribeURL") : null,
            Token = confirmation ? reader.Required("Token") : null,
        };
        error = reader.Error;
        return error is null ? message : null;
    }

    /// <summary>Reads string fields, remembering the first problem instead of throwing on each.</summary>
    private sealed class FieldReader(Dictionary<string, JsonElement> fields)
    {
        public string? Error { get; private set; }

        public string Required(string name)
        {
            if (!fields.TryGetValue(name, out var value))
            {
                Error ??= $"the SNS message has no {name}";
                return "";
            }

            return StringOf(name, value);
        }

        /// <summary>Absent and JSON null both mean "not given": neither is part of the string to sign.</summary>
        public string? Optional(string name) =>
            fields.TryGetValue(name, out var value) && value.ValueKind != JsonValueKind.Null ? StringOf(name, value) : null;

        private string StringOf(string name, JsonElement value)
        {
            if (value.ValueKind == JsonValueKind.String)
            {
                return value.GetString()!;
            }

            Error ??= $"the SNS message's {name} is not a string";
            return "";
        }
    }
}
