namespace Trellis.Server.Dashboard.Assets;

/// <summary>One file of the dashboard's front end, held in memory with its content type and validator.</summary>
public sealed record StaticAsset(string Name, byte[] Content, string ContentType, string ETag);
