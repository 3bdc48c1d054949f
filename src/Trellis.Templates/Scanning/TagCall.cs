namespace Trellis.Templates.Scanning;

/// <summary>
/// A parsed tag body: the head (a path, a helper name or a literal), positional arguments,
/// named (hash) arguments in order, and block parameters from <c>as |item index|</c>.
/// </summary>
internal sealed record TagCall(
    TagNode Head,
    IReadOnlyList<TagNode> Arguments,
    IReadOnlyList<KeyValuePair<string, TagNode>> NamedArguments,
    IReadOnlyList<string> BlockParameters)
{
    public bool HasArguments => Arguments.Count > 0 || NamedArguments.Count > 0;
}
