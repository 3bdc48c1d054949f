namespace Trellis.Templates.Helpers;

/// <summary>Where a helper may be written: as <c>{{name …}}</c> / <c>(name …)</c>, as <c>{{#name …}}…{{/name}}</c>, or both.</summary>
public enum HelperPlacement
{
    Inline,
    Block,
    InlineOrBlock,
}
