namespace Trellis.Templates;

/// <summary>Why a render failed, so callers can tell a bad template from bad data or a size problem.</summary>
public enum TemplateRenderErrorKind
{
    /// <summary>The template has no section for the requested channel.</summary>
    MissingSection,

    /// <summary>A part does not pass <see cref="TemplateChecker"/> or does not compile.</summary>
    InvalidTemplate,

    /// <summary>A part rendered to more than the renderer's cap.</summary>
    OutputTooLarge,

    /// <summary>A helper could not use a value read from data (e.g. a format string that is not valid).</summary>
    HelperFailed,

    /// <summary>Handlebars failed in an unexpected way while rendering.</summary>
    RenderFailed,
}
