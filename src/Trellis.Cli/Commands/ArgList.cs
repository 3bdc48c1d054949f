namespace Trellis.Cli.Commands;

/// <summary>A small, strict reader of a command's arguments: positional values and <c>--name value</c> options.</summary>
internal sealed class ArgList
{
    private readonly List<string> _positional = [];
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);

    public ArgList(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            var a = args[i];
            if (a.StartsWith("--", StringComparison.Ordinal) && a.Length > 2)
            {
                var eq = a.IndexOf('=');
                if (eq > 0)
                {
                    _options[a[2..eq]] = a[(eq + 1)..];
                }
                else if (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    _options[a[2..]] = args[++i];
                }
                else
                {
                    _options[a[2..]] = null;
                }
            }
            else
            {
                _positional.Add(a);
            }
        }
    }

    public IReadOnlyList<string> Positional => _positional;

    public string? Option(string name) => _options.GetValueOrDefault(name);

    public bool Flag(string name) => _options.ContainsKey(name);

    public string RequiredOption(string name) =>
        _options.TryGetValue(name, out var v) && !string.IsNullOrEmpty(v) ? v : throw new UsageException($"--{name} is required");

    /// <summary>Refuses options the command does not know, so a typo is not silently ignored.</summary>
    public void OnlyOptions(params string[] known)
    {
        foreach (var name in _options.Keys)
        {
            if (!known.Contains(name))
            {
                throw new UsageException($"unknown option --{name}" + (known.Length > 0 ? $" (options: {string.Join(", ", known.Select(k => "--" + k))})" : ""));
            }
        }
    }
}
