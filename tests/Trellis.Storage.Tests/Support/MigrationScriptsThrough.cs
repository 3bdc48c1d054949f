using System.Reflection;

namespace Trellis.Storage.Tests;

/// <summary>A backend's own migration scripts 1..version, in order, as its migrator finds them (embedded resources).</summary>
internal static class MigrationScriptsThrough
{
    public static IReadOnlyList<string> Read(Assembly backend, int version)
    {
        var scripts = backend.GetManifestResourceNames()
            .Where(r => r.Contains(".Migrations.", StringComparison.Ordinal) && r.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Take(version)
            .ToArray();
        Assert.Equal(version, scripts.Length);
        return scripts.Select(resource =>
        {
            using var reader = new StreamReader(backend.GetManifestResourceStream(resource)!);
            return reader.ReadToEnd();
        }).ToList();
    }
}
