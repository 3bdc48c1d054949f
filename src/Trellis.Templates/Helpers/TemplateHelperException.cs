namespace Trellis.Templates.Helpers;

/// <summary>
/// A helper could not do its job with the values it was given (e.g. a format string read from data is not
/// valid). The renderer turns it into a <see cref="TemplateRenderException"/> that names the part.
/// </summary>
internal sealed class TemplateHelperException(string message) : Exception(message);
