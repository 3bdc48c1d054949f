using HandlebarsDotNet;
using Trellis.Core.Journeys;
using Trellis.Templates.Checking;
using Trellis.Templates.Helpers;
using Trellis.Templates.Scanning;

namespace Trellis.Templates.Rendering;

/// <summary>
/// One template part compiled once: either a Handlebars delegate (HTML-escaping or not, by part name) or the
/// first issue that kept it from compiling. Rendering maps every failure to a <see cref="TemplateRenderException"/>.
/// </summary>
internal sealed class CompiledPart
{
    private readonly HandlebarsTemplate<TextWriter, object, object>? _template;

    private CompiledPart(string name, HandlebarsTemplate<TextWriter, object, object>? template, TemplateIssue? problem)
    {
        Name = name;
        _template = template;
        Problem = problem;
    }

    public string Name { get; }

    /// <summary>Why the part can't render; null when it compiled.</summary>
    public TemplateIssue? Problem { get; }

    public static CompiledPart Compile(string name, string source)
    {
        // Handlebars.Net would compile an unknown helper or a stray {{else}} and fail (or mis-render) per send;
        // the checker's rules gate rendering so that a template renders only if it validates.
        var issues = TemplateChecker.CheckStructure(source);
        if (issues.Count > 0)
        {
            return new(name, null, issues[0]);
        }

        try
        {
            return new(name, HandlebarsEnvironment.ForPart(name).Compile(source), null);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            return new(name, null, HandlebarsCompileErrors.ToIssue(error, new LineIndex(source).LineCount));
        }
    }

    public string Render(object model, int maxBytes, string templateId, Channel channel)
    {
        if (_template is null)
        {
            var problem = Problem!;
            throw Failure(TemplateRenderErrorKind.InvalidTemplate, $"line {problem.Line}: {problem.Message}");
        }

        var writer = new BoundedTextWriter(maxBytes);
        try
        {
            _template(writer, model, null);
            return writer.ToString();
        }
        catch (Exception error) when (writer.LimitExceeded || error is OutputLimitExceededException)
        {
            throw Failure(TemplateRenderErrorKind.OutputTooLarge, $"rendered text exceeds {maxBytes} bytes", error);
        }
        catch (TemplateHelperException error)
        {
            throw Failure(TemplateRenderErrorKind.HelperFailed, error.Message, error);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            throw Failure(TemplateRenderErrorKind.RenderFailed, error.Message, error);
        }

        TemplateRenderException Failure(TemplateRenderErrorKind kind, string detail, Exception? inner = null) =>
            new(templateId, channel, Name, kind, detail, inner);
    }
}
