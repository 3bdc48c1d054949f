namespace Trellis.Templates;

/// <summary>Checks Handlebars source before anything runs: syntax and unknown helpers. STUB: replaced by the real one.</summary>
public static class TemplateChecker
{
    public static IReadOnlyList<TemplateIssue> Check(string source) => [];
}
