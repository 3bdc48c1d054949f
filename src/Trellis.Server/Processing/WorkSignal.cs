using Trellis.Server.Hosting;

namespace Trellis.Server.Processing;

/// <summary>
/// Wakes the engine worker as soon as there is new work (an acknowledged event, a published journey),
/// so events reach the engine at once instead of at the next poll.
/// </summary>
public sealed class WorkSignal : WakeSignal;
