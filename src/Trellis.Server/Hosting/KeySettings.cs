namespace Trellis.Server.Hosting;

/// <summary>
/// Configuration section <c>Trellis:Keys</c>: the default workspace's keys. When set they are applied at every
/// start (configuration wins over an earlier rotation); when not, keys are generated once and printed once.
/// </summary>
public sealed class KeySettings
{
    /// <summary>The public write key (Segment clients send it as the Basic user name).</summary>
    public string? Write { get; set; }

    /// <summary>The secret admin key (<c>Authorization: Bearer …</c>).</summary>
    public string? Secret { get; set; }
}
