namespace Trellis.Templates.Scanning;

/// <summary>The kinds of <c>{{…}}</c> tag, told apart by the sigil after the opening braces.</summary>
internal enum MustacheTagKind
{
    /// <summary><c>{{path}}</c> or <c>{{helper args}}</c>: output, escaped in HTML parts.</summary>
    Expression,

    /// <summary><c>{{{path}}}</c>: output that is never escaped.</summary>
    Unescaped,

    /// <summary><c>{{#helper args}}</c>.</summary>
    BlockOpen,

    /// <summary><c>{{/helper}}</c>.</summary>
    BlockClose,

    /// <summary><c>{{else}}</c> or a chained <c>{{else helper args}}</c>.</summary>
    Else,

    /// <summary><c>{{^name}}</c> or <c>{{^}}</c>: Handlebars.Net mis-renders these, so they are rejected.</summary>
    Inverse,

    /// <summary><c>{{&gt; partial}}</c>: Trellis has no partials.</summary>
    Partial,

    /// <summary><c>{{#&gt; layout}}</c>.</summary>
    PartialBlock,

    /// <summary><c>{{#*inline "name"}}</c>.</summary>
    InlinePartial,

    /// <summary><c>{{*decorator}}</c>.</summary>
    Decorator,

    /// <summary><c>{{&amp;path}}</c>: the Mustache opt-out of escaping, which Handlebars.Net cannot parse.</summary>
    Ampersand,
}
