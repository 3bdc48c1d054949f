using Trellis.Server.Hosting;

namespace Trellis.Server.Delivery;

/// <summary>
/// Wakes the outbox dispatcher when new entries are queued (the engine after a commit with sends), so a send goes
/// out at once instead of after the dispatcher's idle check.
/// </summary>
public sealed class OutboxSignal : WakeSignal;
