using System.Text.Json.Serialization;

namespace Trellis.Server.Processing;

/// <summary>Source-generated metadata for <see cref="OutboxPayloadJson"/>.</summary>
[JsonSerializable(typeof(OutboxPayload))]
internal sealed partial class OutboxPayloadJsonContext : JsonSerializerContext;
