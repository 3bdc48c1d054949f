using System.Globalization;
using System.Reflection;

namespace Trellis.Storage.Internal;

/// <summary>
/// A backend's migrations: embedded resources named <c>…Migrations.NNNN_description.sql</c>, applied in
/// number order. Numbers must run 1, 2, 3… without gaps, so a missing file is caught at startup.
/// </summary>
internal static class MigrationScripts
{
    private const string Folder = ".Migrations.";

    public static IReadOnlyList<Migration> Load(Assembly assembly)
    {
        var migrations = assembly.GetManifestResourceNames()
            .Where(r => r.Contains(Folder, StringComparison.Ordinal) && r.EndsWith(".sql", StringComparison.Ordinal))
            .Select(r => ToMigration(assembly, r))
            .OrderBy(m => m.Version)
            .ToArray();
        for (var i = 0; i < migrations.Length; i++)
        {
            if (migrations[i].Version != i + 1)
            {
                throw new InvalidOperationException($"Migration {i + 1} is missing (found {migrations[i].Name}).");
            }
        }

        return migrations;
    }

    private static Migration ToMigration(Assembly assembly, string resource)
    {
        var fileName = resource[(resource.IndexOf(Folder, StringComparison.Ordinal) + Folder.Length)..];
        var digits = new string(fileName.TakeWhile(char.IsAsciiDigit).ToArray());
        if (digits.Length == 0)
        {
            throw new InvalidOperationException($"Migration {resource} must start with its number (0001_…).");
        }

        return new Migration(int.Parse(digits, CultureInfo.InvariantCulture), fileName, SqlCatalog.ReadResource(assembly, resource));
    }
}
