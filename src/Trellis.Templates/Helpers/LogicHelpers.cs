using HandlebarsDotNet;
using static Trellis.Templates.Helpers.HelperValues;

namespace Trellis.Templates.Helpers;

/// <summary>
/// eq, ne, gt, gte, lt, lte, and, or, not. Each is registered twice: inline (returns a boolean, so it also
/// works as a subexpression: <c>{{#if (eq a b)}}</c>) and as a block that renders its body or its
/// <c>{{else}}</c> part: <c>{{#eq a b}}…{{else}}…{{/eq}}</c>.
/// </summary>
internal static class LogicHelpers
{
    private static readonly (string Name, Func<Arguments, bool> Test)[] Predicates =
    [
        ("eq", a => ValueComparison.AreEqual(At(a, 0), At(a, 1))),
        ("ne", a => !ValueComparison.AreEqual(At(a, 0), At(a, 1))),
        ("gt", a => ValueComparison.Compare(At(a, 0), At(a, 1)) > 0),
        ("gte", a => ValueComparison.Compare(At(a, 0), At(a, 1)) >= 0),
        ("lt", a => ValueComparison.Compare(At(a, 0), At(a, 1)) < 0),
        ("lte", a => ValueComparison.Compare(At(a, 0), At(a, 1)) <= 0),
        ("and", a => a.Length > 0 && Enumerable.Range(0, a.Length).All(i => IsTruthy(a[i]))),
        ("or", a => Enumerable.Range(0, a.Length).Any(i => IsTruthy(a[i]))),
        ("not", a => !IsTruthy(At(a, 0))),
    ];

    public static void Register(IHandlebars handlebars)
    {
        foreach (var (name, test) in Predicates)
        {
            handlebars.RegisterHelper(name, (Context _, Arguments arguments) => test(arguments));
            handlebars.RegisterHelper(name, (EncodedTextWriter output, BlockHelperOptions options, Context context, Arguments arguments) =>
            {
                if (test(arguments))
                {
                    options.Template(output, context);
                }
                else
                {
                    options.Inverse(output, context);
                }
            });
        }
    }
}
