namespace Trellis.Templates.Helpers;

/// <summary>
/// Every helper a template may call: Handlebars' own built-ins and Trellis' additions.
/// The checker, the renderer's registrations and the docs all read this one list, so they cannot drift apart.
/// </summary>
public static class HelperCatalog
{
    private const int Any = int.MaxValue;

    public static IReadOnlyList<HelperSignature> BuiltIns { get; } =
    [
        new("if", HelperPlacement.Block, 1, 1, true, "{{#if value}}…{{else}}…{{/if}}", "renders the block when the value is truthy"),
        new("unless", HelperPlacement.Block, 1, 1, true, "{{#unless value}}…{{/unless}}", "renders the block when the value is falsy"),
        new("each", HelperPlacement.Block, 1, 1, true, "{{#each list}}{{this}}{{else}}…{{/each}}", "repeats the block per item or map entry"),
        new("with", HelperPlacement.Block, 1, 1, true, "{{#with profile}}{{first_name}}{{/with}}", "renders the block with a new context"),
        new("lookup", HelperPlacement.Inline, 2, 2, true, "{{lookup map key}}", "reads a member whose name is itself a value"),
        new("log", HelperPlacement.Inline, 0, Any, true, "{{log value}}", "accepted for compatibility; renders nothing and logs nothing"),
    ];

    public static IReadOnlyList<HelperSignature> TrellisHelpers { get; } =
    [
        new("default", HelperPlacement.Inline, 2, Any, false, "{{default profile.first_name \"there\"}}",
            "the first argument that is present and not empty (blank text and empty lists count as empty)"),
        new("eq", HelperPlacement.InlineOrBlock, 2, 2, false, "{{#eq profile.plan \"pro\"}}…{{else}}…{{/eq}}",
            "true when both are equal; numbers compare by value, so 3 equals 3.0"),
        new("ne", HelperPlacement.InlineOrBlock, 2, 2, false, "{{#if (ne event.status \"paid\")}}…{{/if}}", "the opposite of eq"),
        new("gt", HelperPlacement.InlineOrBlock, 2, 2, false, "{{#gt event.total 100}}…{{/gt}}",
            "greater than: numbers by value, times by instant, otherwise text; false when a side is missing"),
        new("gte", HelperPlacement.InlineOrBlock, 2, 2, false, "{{#if (gte profile.visits 3)}}…{{/if}}", "greater than or equal, as gt"),
        new("lt", HelperPlacement.InlineOrBlock, 2, 2, false, "{{#lt event.items 2}}…{{/lt}}", "less than, as gt"),
        new("lte", HelperPlacement.InlineOrBlock, 2, 2, false, "{{#if (lte profile.score 0.5)}}…{{/if}}", "less than or equal, as gt"),
        new("and", HelperPlacement.InlineOrBlock, 2, Any, false, "{{#if (and profile.vip event.first_order)}}…{{/if}}",
            "true when every argument is truthy"),
        new("or", HelperPlacement.InlineOrBlock, 2, Any, false, "{{#or profile.vip profile.beta}}…{{/or}}", "true when any argument is truthy"),
        new("not", HelperPlacement.InlineOrBlock, 1, 1, false, "{{#if (not profile.verified)}}…{{/if}}", "true when the argument is falsy"),
        new("upper", HelperPlacement.Inline, 1, 1, false, "{{upper profile.last_name}}", "upper-cases text (invariant culture)"),
        new("lower", HelperPlacement.Inline, 1, 1, false, "{{lower profile.email}}", "lower-cases text (invariant culture)"),
        new("date", HelperPlacement.Inline, 2, 3, false, "{{date event.at \"yyyy-MM-dd HH:mm\" profile.timezone}}",
            "formats a time (or ISO-8601 text) with a .NET format string, invariant culture, in an optional IANA time zone (UTC otherwise)"),
        new("number", HelperPlacement.Inline, 1, 2, false, "{{number event.total \"#,##0.00\"}}",
            "formats a number (or numeric text) with an optional .NET format string, invariant culture"),
        new("json", HelperPlacement.Inline, 1, 1, false, "{\"name\": {{json profile.first_name}} }",
            "writes the value as JSON (quoted, escaped text; null when missing): for webhook bodies"),
    ];

    public static IReadOnlyList<HelperSignature> All { get; } = [.. TrellisHelpers, .. BuiltIns];

    private static readonly Dictionary<string, HelperSignature> ByName =
        All.ToDictionary(h => h.Name, StringComparer.Ordinal);

    public static HelperSignature? Find(string name) => ByName.GetValueOrDefault(name);

    /// <summary>The list that ends every "unknown helper" message, so the author sees the choices at once.</summary>
    public static string NamesForMessages { get; } =
        string.Join(", ", TrellisHelpers.Select(h => h.Name)) + " and Handlebars' " + string.Join(", ", BuiltIns.Select(h => h.Name));
}
