namespace Trellis.Measurement.Prediction;

/// <summary>A person's history for training, oldest first (ties keep the order they were recorded in).</summary>
public sealed record PersonHistory(string PersonId, IReadOnlyList<HistoryEntry> Entries);
