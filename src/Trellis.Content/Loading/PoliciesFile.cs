using Trellis.Core.Policies;

namespace Trellis.Content.Loading;

/// <summary>One policies.yaml after reading.</summary>
internal sealed record PoliciesFile(string Path, PolicySet? Policies, bool HasErrors);
