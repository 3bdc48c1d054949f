namespace Trellis.Core.Policies;

/// <summary>
/// <c>opt_out</c>: a marketing topic is allowed unless the person said no to it (or to everything);
/// <c>opt_in</c>: it needs an explicit yes.
/// </summary>
public enum ConsentDefault : byte
{
    OptOut,
    OptIn,
}
