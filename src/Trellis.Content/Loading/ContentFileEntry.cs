namespace Trellis.Content.Loading;

/// <summary>A file found under a path; <see cref="Kind"/> is null for a file named explicitly that is no content file.</summary>
internal sealed record ContentFileEntry(string Path, ContentFileKind? Kind);
