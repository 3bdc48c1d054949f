namespace Trellis.Server.Hosting;

/// <summary>
/// The server's part of the <c>Trellis</c> configuration section (SPEC §7). The channel settings of the same
/// section (<c>Smtp</c>, <c>Sms</c>, <c>Push</c>, …) bind to Trellis.Channels' <c>ChannelsOptions</c>.
/// </summary>
public sealed class TrellisSettings
{
    public const string SectionName = "Trellis";

    public StorageSettings Storage { get; set; } = new();

    public KeySettings Keys { get; set; } = new();

    public ContentSettings Content { get; set; } = new();

    public PublicUrlSettings Urls { get; set; } = new();

    public IngestionSettings Ingestion { get; set; } = new();

    /// <summary>The id of the workspace created on first start (the one the configured keys belong to).</summary>
    public string DefaultWorkspace { get; set; } = "default";
}
