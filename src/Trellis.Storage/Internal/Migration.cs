namespace Trellis.Storage.Internal;

/// <summary>One schema step: the script that takes the schema from version - 1 to <paramref name="Version"/>.</summary>
internal sealed record Migration(int Version, string Name, string Sql);
