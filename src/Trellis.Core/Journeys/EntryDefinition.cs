using Trellis.Core.Expressions;

namespace Trellis.Core.Journeys;

/// <summary>The <c>entry</c> block: one trigger plus re-entry and the optional instance key.</summary>
public sealed record EntryDefinition(Trigger Trigger, Reentry Reentry, Expression? Key);
