namespace Trellis.Templates.Scanning;

/// <summary>What one argument (or the head) of a tag is.</summary>
internal enum TagNodeKind
{
    /// <summary>Quoted text: <c>"there"</c>.</summary>
    Text,

    /// <summary>A number, <c>true</c>, <c>false</c>, <c>null</c> or <c>undefined</c>.</summary>
    Literal,

    /// <summary>A path into the model: <c>profile.first_name</c>, <c>this</c>, <c>@index</c>, <c>../x</c>.</summary>
    Path,

    /// <summary>A parenthesised helper call: <c>(eq a b)</c>.</summary>
    SubExpression,
}
