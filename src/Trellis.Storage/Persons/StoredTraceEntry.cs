namespace Trellis.Storage;

/// <summary>A trace line as stored; <paramref name="Sequence"/> orders a person's lines as they were recorded.</summary>
public sealed record StoredTraceEntry(long Sequence, string PersonId, TraceEntry Entry);
