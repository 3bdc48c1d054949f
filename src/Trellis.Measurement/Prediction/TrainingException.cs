namespace Trellis.Measurement.Prediction;

/// <summary>The data cannot train the model asked for; the message says why and what to try.</summary>
public sealed class TrainingException(string message) : Exception(message);
