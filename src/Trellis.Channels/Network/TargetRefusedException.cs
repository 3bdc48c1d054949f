namespace Trellis.Channels.Network;

/// <summary>Raised inside the HTTP stack when a connection would go to an address the policy refuses.</summary>
public sealed class TargetRefusedException(string message) : Exception(message);
