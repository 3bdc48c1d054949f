namespace Trellis.Templates.Scanning;

/// <summary>Pieces of a tag body: words (paths and literals), quoted text and the punctuation of calls.</summary>
internal enum TagTokenKind
{
    Word,
    Text,
    OpenParen,
    CloseParen,
    Equals,
    Pipe,
}
