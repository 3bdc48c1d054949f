using NodaTime;

namespace Trellis.Content.Models;

/// <summary>
/// One set of examples of a model file: people as they were at <paramref name="Cutoff"/>, labelled by whether
/// they performed the event in (cutoff, <paramref name="LabelUntil"/>]. <paramref name="Auc"/> is the area under
/// the ROC curve of the model on these examples (ties count half).
/// </summary>
public sealed record ModelSample(Instant Cutoff, Instant LabelUntil, long Examples, long Positives, double BaseRate, double Auc);
