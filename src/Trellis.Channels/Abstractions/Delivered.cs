namespace Trellis.Channels;

/// <summary>The provider accepted the message; its id lets later feedback (bounces, opens) be matched.</summary>
public sealed record Delivered(string ProviderMessageId) : DeliveryResult;
