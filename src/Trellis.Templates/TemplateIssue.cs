namespace Trellis.Templates;

/// <summary>A problem in one template part; <see cref="Line"/> is 1-based within that part's text.</summary>
public sealed record TemplateIssue(int Line, string Message);
