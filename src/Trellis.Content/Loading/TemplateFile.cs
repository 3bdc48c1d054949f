using Trellis.Core.Templates;

namespace Trellis.Content.Loading;

/// <summary>One template file after reading; a definition with errors still serves to resolve references to it.</summary>
internal sealed record TemplateFile(string Path, TemplateDefinition? Definition, bool HasErrors);
