namespace Trellis.Server.Dashboard.Api;

/// <summary>JSON has no NaN or infinity: such a statistic (e.g. a ratio over nothing) is sent as null.</summary>
internal static class FiniteNumber
{
    public static double? Of(double value) => double.IsFinite(value) ? value : null;

    public static double? Of(double? value) => value is { } v && double.IsFinite(v) ? v : null;
}
