using Trellis.Templates.Helpers;
using Trellis.Templates.Scanning;

namespace Trellis.Templates.Checking;

/// <summary>
/// Checks the helper calls in one parsed tag. Handlebars.Net only finds an unknown helper when a message is
/// rendered, so this is where <c>{{uper profile.name}}</c> becomes a validation error. The rule Handlebars
/// itself follows: a bare name followed by arguments, a subexpression head and a block opener are helper
/// calls; anything else (<c>{{profile.first_name}}</c>, <c>{{unsubscribe_url}}</c>) is a path, which renders
/// empty when missing.
/// </summary>
internal sealed class CallChecker(int line, ICollection<TemplateIssue> issues)
{
    /// <summary><c>{{…}}</c> and <c>{{{…}}}</c>.</summary>
    public void CheckOutput(TagCall call)
    {
        var head = call.Head;
        var helper = head.IsSimpleName ? HelperCatalog.Find(head.Text) : null;
        if (helper is not null)
        {
            if (!helper.CanBeInline)
            {
                Report($"'{helper.Name}' is a block helper; write {helper.Usage}");
            }
            else
            {
                CheckHelperCall(helper, call);
            }
        }
        else if (head.Kind == TagNodeKind.SubExpression)
        {
            CheckSubExpression(head.Call!);
        }
        else if (call.HasArguments)
        {
            Report(head.IsSimpleName
                ? UnknownHelper(head.Text)
                : $"'{head.Text}' is followed by arguments, but only a helper takes arguments; helpers are {HelperCatalog.NamesForMessages}");
        }

        CheckArguments(call);
    }

    /// <summary><c>{{#name …}}</c> and chained <c>{{else name …}}</c>.</summary>
    public void CheckBlock(TagCall call)
    {
        var head = call.Head;
        var helper = head.IsSimpleName ? HelperCatalog.Find(head.Text) : null;
        if (helper is null)
        {
            Report(head.IsSimpleName && !call.HasArguments
                ? $"unknown block helper '{head.Text}'; to use a value as the context write {{{{#with {head.Text}}}}} or {{{{#each {head.Text}}}}}; block helpers are {BlockHelperNames}"
                : $"unknown block helper '{head.Text}'{Suggestion(head.Text)}; block helpers are {BlockHelperNames}");
        }
        else if (!helper.CanOpenBlock)
        {
            Report($"'{helper.Name}' can't open a block; write {helper.Usage}");
        }
        else
        {
            CheckHelperCall(helper, call);
            if (call.BlockParameters.Count > 0 && helper.Name is not ("each" or "with"))
            {
                Report($"'as |…|' block parameters work only with each and with, not '{helper.Name}'");
            }
        }

        CheckArguments(call);
    }

    private static string BlockHelperNames { get; } =
        string.Join(", ", HelperCatalog.All.Where(h => h.CanOpenBlock).Select(h => h.Name));

    private void CheckSubExpression(TagCall call)
    {
        var head = call.Head;
        var helper = head.IsSimpleName ? HelperCatalog.Find(head.Text) : null;
        if (helper is null)
        {
            Report(head.IsSimpleName
                ? UnknownHelper(head.Text)
                : $"'({head.Text} …)' must start with a helper name; helpers are {HelperCatalog.NamesForMessages}");
        }
        else if (!helper.CanBeInline)
        {
            Report($"'{helper.Name}' is a block helper and can't be used in '( )'; write {helper.Usage}");
        }
        else
        {
            CheckHelperCall(helper, call);
        }

        CheckArguments(call);
    }

    private void CheckArguments(TagCall call)
    {
        foreach (var node in call.Arguments.Concat(call.NamedArguments.Select(n => n.Value)))
        {
            if (node.Kind == TagNodeKind.SubExpression)
            {
                CheckSubExpression(node.Call!);
            }
        }
    }

    private void CheckHelperCall(HelperSignature helper, TagCall call)
    {
        var count = call.Arguments.Count;
        if (!helper.Accepts(count))
        {
            var readHint = count == 0 && !helper.IsBuiltIn
                ? $"; to read a value named '{helper.Name}' write {{{{this.{helper.Name}}}}}"
                : "";
            Report($"helper '{helper.Name}' takes {helper.ArityText}, got {count}: {helper.Usage}{readHint}");
        }

        if (call.NamedArguments.Count > 0 && helper.Name != "log")
        {
            Report($"helper '{helper.Name}' takes no named arguments ('{call.NamedArguments[0].Key}=…'): {helper.Usage}");
        }

        CheckLiteralFormats(helper.Name, call.Arguments);
    }

    /// <summary>Format strings and zones written as literals are checked now rather than failing a send later.</summary>
    private void CheckLiteralFormats(string helper, IReadOnlyList<TagNode> arguments)
    {
        if (helper == "date")
        {
            if (Literal(arguments, 1) is { } format && !FormatStrings.IsValidDateFormat(format))
            {
                Report($"date format \"{format}\" is not a valid .NET date format; e.g. \"yyyy-MM-dd HH:mm\"");
            }

            if (Literal(arguments, 2) is { } zone && FormatStrings.FindZone(zone) is null)
            {
                Report($"unknown time zone \"{zone}\"; use an IANA id such as \"Europe/Paris\", or \"UTC\"");
            }
        }
        else if (helper == "number" && Literal(arguments, 1) is { } format && !FormatStrings.IsValidNumberFormat(format))
        {
            Report($"number format \"{format}\" is not a valid .NET number format; e.g. \"0.00\" or \"#,##0\"");
        }
    }

    private static string? Literal(IReadOnlyList<TagNode> arguments, int index) =>
        index < arguments.Count && arguments[index].Kind == TagNodeKind.Text ? arguments[index].Text : null;

    private static string UnknownHelper(string name) =>
        $"unknown helper '{name}'{Suggestion(name)}; helpers are {HelperCatalog.NamesForMessages}";

    private static string Suggestion(string name) =>
        HelperSuggestion.Closest(name) is { } closest ? $" (did you mean '{closest}'?)" : "";

    private void Report(string message) => issues.Add(new(line, message));
}
