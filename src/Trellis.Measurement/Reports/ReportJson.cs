using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Trellis.Measurement.Reports;

/// <summary>
/// JSON for reports: camelCase names in declaration order, dictionaries sorted by key, nulls left out, indented,
/// '\n' line ends on every platform; so equal reports are equal bytes.
/// </summary>
public static class ReportJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        NewLine = "\n",
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        // Verdicts carry '+' and '<': keep them readable; HTML embedding escapes '<' itself.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize<T>(T report) => JsonSerializer.Serialize(report, Options) + "\n";
}
