using Trellis.Content;

namespace Trellis.Cli.Commands;

/// <summary><c>trellis validate PATH…</c>: every journey, template, policies and scenario file; file:line messages.</summary>
internal sealed class ValidateCommand : ICommand
{
    public string Name => "validate";

    public string Usage => "validate PATH…";

    public string Summary => "check journeys, templates, policies and scenarios";

    public int Run(ArgList args)
    {
        args.OnlyOptions();
        if (args.Positional.Count == 0)
        {
            throw new UsageException("name at least one file or folder");
        }

        var content = ContentLoader.Load(args.Positional);
        foreach (var d in content.Diagnostics)
        {
            Console.WriteLine(d.ToString());
        }

        var summary = $"{content.Journeys.Count} journeys, {content.Templates.Count} templates, {content.Scenarios.Count} scenarios";
        if (content.IsValid)
        {
            Console.WriteLine($"ok: {summary}");
            return 0;
        }

        Console.WriteLine($"{content.Diagnostics.Count} problem(s) found ({summary} valid)");
        return 1;
    }
}
