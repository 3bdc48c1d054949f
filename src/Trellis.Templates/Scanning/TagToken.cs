namespace Trellis.Templates.Scanning;

/// <summary>One token of a tag body; for <see cref="TagTokenKind.Text"/> the value is already unescaped.</summary>
internal sealed record TagToken(TagTokenKind Kind, string Value);
