namespace Trellis.Channels;

/// <summary>
/// Names one logical send: the step of one journey instance for one person in one workspace.
/// Every attempt to deliver it carries the same key, so providers and our own id derivations can
/// recognise a repeat.
/// </summary>
public sealed record IdempotencyKey(string Workspace, string PersonId, string InstanceId, string StepId)
{
    /// <summary>
    /// "workspace/person/instance/step" with '%' and '/' escaped in each component, so two different
    /// keys never print the same (a person id may well contain a slash).
    /// </summary>
    public string Value { get; } = string.Join('/', Escape(Workspace), Escape(PersonId), Escape(InstanceId), Escape(StepId));

    public override string ToString() => Value;

    private static string Escape(string component) =>
        component.Replace("%", "%25", StringComparison.Ordinal).Replace("/", "%2F", StringComparison.Ordinal);
}
