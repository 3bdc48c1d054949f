using NodaTime;

namespace Trellis.Storage;

/// <summary>A message the engine decided to send, to be written in the same transaction as its decision.</summary>
/// <param name="PayloadJson">What the dispatcher needs to send it (template, address, variables), as JSON.</param>
/// <param name="AvailableAt">The earliest time the dispatcher may send it.</param>
public sealed record OutboxMessage(SendKey Key, string Channel, string PayloadJson, Instant AvailableAt);
