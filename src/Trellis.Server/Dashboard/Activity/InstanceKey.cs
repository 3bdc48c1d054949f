namespace Trellis.Server.Dashboard.Activity;

/// <summary>
/// A person's instance of a journey in the counters. The stored trace does not carry instance numbers, so
/// concurrent keyed instances of one journey (e.g. one per cart) share a key: the latest entry wins.
/// </summary>
internal readonly record struct InstanceKey(ulong Person, int Journey);
