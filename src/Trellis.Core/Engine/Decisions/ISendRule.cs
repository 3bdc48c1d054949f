namespace Trellis.Core.Engine.Decisions;

/// <summary>One decision rule of SPEC §3. Rules run in order; the first that does not pass decides.</summary>
internal interface ISendRule
{
    Verdict Check(SendCheck check);
}
