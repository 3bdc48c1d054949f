using HandlebarsDotNet;
using HandlebarsDotNet.IO;

namespace Trellis.Templates.Rendering;

/// <summary>Writes booleans as "true"/"false" (Handlebars.js style); Handlebars.Net would write .NET's "True".</summary>
internal sealed class BooleanFormatter : IFormatter, IFormatterProvider
{
    public void Format<T>(T value, in EncodedTextWriter writer) => writer.Write(value is true ? "true" : "false");

    public bool TryCreateFormatter(Type type, out IFormatter formatter)
    {
        formatter = this;
        return type == typeof(bool);
    }
}
