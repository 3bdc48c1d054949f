namespace Trellis.Bench.Server;

/// <summary>One outbox row as the harness sees it: its id, person and the engine's CreatedAt (Unix µs).</summary>
internal readonly record struct OutboxRow(long Id, string PersonId, long CreatedAtMicros);
