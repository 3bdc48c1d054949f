using System.Reflection;
using System.Text;

namespace Trellis.Storage.Internal;

/// <summary>
/// Named SQL statements from a backend's embedded <c>.sql</c> files. A file holds several statements, each
/// introduced by a line <c>-- name: StatementName</c>, so the SQL stays readable as SQL, one file per concern.
/// </summary>
internal sealed class SqlCatalog
{
    private const string NameMarker = "-- name:";
    private readonly Dictionary<string, string> _statements;

    private SqlCatalog(Dictionary<string, string> statements) => _statements = statements;

    public string this[string name] =>
        _statements.TryGetValue(name, out var sql)
            ? sql
            : throw new KeyNotFoundException($"No SQL statement named '{name}' in the embedded .sql files.");

    /// <summary>Loads every embedded resource whose name contains <paramref name="folder"/> and ends in .sql.</summary>
    public static SqlCatalog Load(Assembly assembly, string folder)
    {
        var statements = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames()
                     .Where(r => r.Contains(folder, StringComparison.Ordinal) && r.EndsWith(".sql", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            foreach (var (name, sql) in Parse(ReadResource(assembly, resource), resource))
            {
                if (!statements.TryAdd(name, sql))
                {
                    throw new InvalidOperationException($"SQL statement '{name}' is defined twice (again in {resource}).");
                }
            }
        }

        return new SqlCatalog(statements);
    }

    public static string ReadResource(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded resource {resource} is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static IEnumerable<(string Name, string Sql)> Parse(string text, string resource)
    {
        string? name = null;
        var body = new StringBuilder();
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith(NameMarker, StringComparison.Ordinal))
            {
                if (name is not null)
                {
                    yield return (name, Statement(body));
                }

                name = line[NameMarker.Length..].Trim();
                body.Clear();
            }
            else if (name is not null && !line.TrimStart().StartsWith("--", StringComparison.Ordinal))
            {
                // Whole-line comments are for readers of the file (and the ones above a "-- name:" line
                // describe the next statement): they are not sent.
                body.Append(line.TrimEnd('\r')).Append('\n');
            }
            else if (name is null && line.Trim().Length > 0 && !line.TrimStart().StartsWith("--", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"{resource}: SQL before the first '{NameMarker}' line.");
            }
        }

        if (name is not null)
        {
            yield return (name, Statement(body));
        }
    }

    /// <summary>One statement, without its closing semicolon (Npgsql's batches take single statements without one).</summary>
    private static string Statement(StringBuilder body) => body.ToString().Trim().TrimEnd(';').TrimEnd();
}
