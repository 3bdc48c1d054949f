namespace Trellis.Server.Hosting;

/// <summary>Configuration section <c>Trellis:Urls</c>.</summary>
public sealed class PublicUrlSettings
{
    /// <summary>The address people reach the server at, for links in messages (unsubscribe, tracking). Default: the first listening URL.</summary>
    public string? Public { get; set; }
}
