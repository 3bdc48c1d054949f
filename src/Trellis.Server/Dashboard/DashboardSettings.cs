namespace Trellis.Server.Dashboard;

/// <summary>
/// Configuration section <c>Trellis:Dashboard</c>. The dashboard always accepts the workspace's secret key at
/// the login page; <see cref="User"/> and <see cref="Password"/> add a login for people who should not hold
/// the API key.
/// </summary>
public sealed class DashboardSettings
{
    public const string SectionName = "Trellis:Dashboard";

    /// <summary>Optional user name for the login page (with <see cref="Password"/>); it opens the default workspace.</summary>
    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>
    /// The key that signs session cookies (any text of 32 characters or more). Unset: a random key per process,
    /// so sessions end when the server restarts; set it to keep them, or to share them between processes.
    /// </summary>
    public string? SessionKey { get; set; }

    /// <summary>How long a session lasts after login.</summary>
    public double SessionHours { get; set; } = 12;

    /// <summary>A folder with <c>trellis simulate</c> JSON reports to list on the simulations page (relative to the content root).</summary>
    public string? SimulationsPath { get; set; }
}
