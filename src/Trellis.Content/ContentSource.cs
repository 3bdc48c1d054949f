namespace Trellis.Content;

/// <summary>
/// A content file held in memory (e.g. a journey uploaded through the admin API). <see cref="Path"/> names it in
/// messages and tells its kind, as a file name would.
/// </summary>
public sealed record ContentSource(string Path, string Text);
