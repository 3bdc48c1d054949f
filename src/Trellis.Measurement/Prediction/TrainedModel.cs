using Trellis.Content.Models;

namespace Trellis.Measurement.Prediction;

/// <summary>The model file to write, and the fit's details for the training summary.</summary>
/// <param name="Dropped">Candidate features left out because they were the same for every training example.</param>
public sealed record TrainedModel(ModelFile File, bool Converged, IReadOnlyList<string> Dropped);
