using YamlDotNet.Core;

namespace Trellis.Content.Yaml;

/// <summary>
/// A scalar as written. Keeps its style (plain scalars are typed, quoted ones are always text) and its span
/// in the source, so that a position inside a multi-line value can be traced back to a file line.
/// </summary>
internal sealed class YamlScalar(
    string value,
    ScalarStyle style,
    bool taggedAsText,
    int line,
    int column,
    int startIndex,
    int endIndex,
    string source) : YamlNode(line, column)
{
    public string Value { get; } = value;

    public ScalarStyle Style { get; } = style;

    /// <summary>Plain scalars resolve to null, bool, number or text; anything quoted, block or <c>!!str</c> is text.</summary>
    public bool IsPlain => Style == ScalarStyle.Plain && !taggedAsText;

    public bool IsBlock => Style is ScalarStyle.Literal or ScalarStyle.Folded;

    public int StartIndex { get; } = startIndex;

    public int EndIndex { get; } = endIndex;

    /// <summary>The whole file text; shared by every scalar of the document, not copied.</summary>
    public string Source { get; } = source;

    public bool IsNull => IsPlain && PlainScalar.IsNull(Value);

    public override string Describe => IsNull ? "empty" : "text";
}
