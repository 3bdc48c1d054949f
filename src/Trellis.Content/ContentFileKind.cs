namespace Trellis.Content;

/// <summary>The kinds of content file, told apart by name (see <see cref="ContentFileKinds"/>).</summary>
public enum ContentFileKind : byte
{
    Journey,
    Template,
    Policies,
    Scenario,
    Model,
}
