namespace Trellis.Bench.Delivery;

/// <summary>How the render + enqueue harness runs the engine worker's write path.</summary>
internal enum EnqueueMode
{
    /// <summary>Claim, compose and commit one batch after another on one thread.</summary>
    OneThread,

    /// <summary>Compose each batch on every core, then commit it: EngineWorker before its pipeline.</summary>
    AllCores,

    /// <summary>
    /// As <c>EngineWorker</c> runs today: claim batch k+1, compose it on every core while batch k commits, so the
    /// composing overlaps SQLite's inserts and commit.
    /// </summary>
    Pipelined,
}
