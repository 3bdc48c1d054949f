namespace Trellis.Templates.Checking;

/// <summary>A block that <see cref="BlockTracker"/> has seen opened and not yet closed.</summary>
internal sealed class OpenBlock(string name, int line)
{
    public string Name { get; } = name;

    public int Line { get; } = line;

    /// <summary>A plain <c>{{else}}</c> must be the last branch of its block.</summary>
    public bool SawPlainElse { get; set; }
}
