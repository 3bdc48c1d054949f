namespace Trellis.Server.Delivery.Feedback;

/// <summary>Why a provider post is not applied, and the HTTP status that says so (403, 400, or 503 to be retried).</summary>
public sealed record HookRefusal(int Status, string Reason);
