using System.Globalization;
using HandlebarsDotNet;
using Trellis.Templates.Helpers;

namespace Trellis.Templates.Rendering;

/// <summary>
/// A configured Handlebars instance with every Trellis helper. There are two, because escaping is a
/// per-instance setting: <see cref="Html"/> escapes <c>{{x}}</c>, <see cref="Text"/> escapes nothing.
/// Compiled templates are safe to run on many threads; compiling itself is serialised, since it is rare
/// and Handlebars.Net does not promise that its configuration may be read while it is being frozen.
/// </summary>
internal sealed class HandlebarsEnvironment
{
    private readonly IHandlebars _handlebars;
    private readonly Lock _compileLock = new();

    private HandlebarsEnvironment(bool escapeHtml)
    {
        var configuration = new HandlebarsConfiguration
        {
            NoEscape = !escapeHtml,
            FormatProvider = CultureInfo.InvariantCulture,
            ThrowOnUnresolvedBindingExpression = false,
        };
        configuration.FormatterProviders.Add(new BooleanFormatter());
        _handlebars = Handlebars.Create(configuration);
        HelperRegistration.RegisterAll(_handlebars);
    }

    public static HandlebarsEnvironment Html { get; } = new(escapeHtml: true);

    public static HandlebarsEnvironment Text { get; } = new(escapeHtml: false);

    public static HandlebarsEnvironment ForPart(string partName) => PartEscaping.IsHtml(partName) ? Html : Text;

    /// <summary>Compiles to a delegate that writes into a caller's writer, so output can be capped while it is produced.</summary>
    public HandlebarsTemplate<TextWriter, object, object> Compile(string source)
    {
        lock (_compileLock)
        {
            using var reader = new StringReader(source);
            return _handlebars.Compile(reader);
        }
    }
}
