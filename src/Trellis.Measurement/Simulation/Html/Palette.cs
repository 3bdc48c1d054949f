namespace Trellis.Measurement.Simulation.Html;

/// <summary>Fixed colours: known channels, reasons and outcomes keep their colour across charts; other keys cycle.</summary>
public static class Palette
{
    private static readonly string[] Cycle = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"];

    private static readonly Dictionary<string, string> Known = new(StringComparer.Ordinal)
    {
        ["email"] = "#4e79a7", ["sms"] = "#f28e2b", ["push"] = "#59a14f", ["in_app"] = "#76b7b2",
        ["webhook"] = "#b07aa1", ["direct_mail"] = "#9c755f", ["task"] = "#edc948",
        ["consent"] = "#e15759", ["unreachable"] = "#bab0ac", ["suppressed"] = "#9c755f", ["frequency_cap"] = "#f28e2b",
        ["quiet_hours"] = "#76b7b2", ["arbitration"] = "#b07aa1", ["holdout"] = "#59a14f",
        ["converted"] = "#59a14f", ["exited"] = "#e15759", ["completed"] = "#4e79a7", ["active"] = "#bab0ac",
        ["entries"] = "#4e79a7", ["all"] = "#4e79a7", ["marketing"] = "#f28e2b",
    };

    public static string Of(string key, int index) => Known.TryGetValue(key, out var c) ? c : Cycle[index % Cycle.Length];
}
