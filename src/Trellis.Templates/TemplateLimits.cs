namespace Trellis.Templates;

/// <summary>
/// Size bounds that keep checking and rendering cheap whatever a template author writes:
/// sources are rejected by the checker above <see cref="MaxSourceBytes"/>, and a rendered part
/// stops with a typed error once it passes <see cref="MaxRenderedPartBytes"/>.
/// </summary>
public static class TemplateLimits
{
    /// <summary>64 KB of UTF-8 per part: far above any real message, small enough to scan and compile quickly.</summary>
    public const int MaxSourceBytes = 64 * 1024;

    /// <summary>256 KB of UTF-8 per rendered part: bounds <c>{{#each}}</c> over huge lists.</summary>
    public const int MaxRenderedPartBytes = 256 * 1024;

    /// <summary>
    /// Deepest nesting of blocks, and of subexpressions within one tag: far beyond real templates, and it keeps
    /// the checker's and Handlebars' recursive compilers away from stack exhaustion.
    /// </summary>
    public const int MaxNestingDepth = 64;
}
