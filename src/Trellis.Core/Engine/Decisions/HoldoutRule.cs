using Trellis.Core.Engine.Effects;

namespace Trellis.Core.Engine.Decisions;

/// <summary>Rule 1: people in the journey's control group go through it but get no messages.</summary>
internal sealed class HoldoutRule : ISendRule
{
    public Verdict Check(SendCheck check) => check.Instance.Holdout ? Verdict.Skip(SkipReasons.Holdout) : Verdict.Pass;
}
