namespace Trellis.Templates.Rendering;

/// <summary>
/// Which parts are HTML. Only the email <c>html</c> part is: there, <c>{{x}}</c> is HTML-escaped and
/// <c>{{{x}}}</c> is the explicit opt-out. Every other part (subject, text, SMS, push, in-app, task,
/// direct mail, webhook url and body) is plain text that no browser parses, so escaping would only
/// show "&amp;amp;" to the reader.
/// </summary>
internal static class PartEscaping
{
    public const string HtmlPartName = "html";

    public static bool IsHtml(string partName) => string.Equals(partName, HtmlPartName, StringComparison.OrdinalIgnoreCase);
}
