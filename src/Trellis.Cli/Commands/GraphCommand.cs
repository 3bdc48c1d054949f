using Trellis.Content;
using Trellis.Runtime.Graphs;

namespace Trellis.Cli.Commands;

/// <summary><c>trellis graph JOURNEY</c>: prints a journey file as a Mermaid flowchart.</summary>
internal sealed class GraphCommand : ICommand
{
    public string Name => "graph";

    public string Usage => "graph JOURNEY";

    public string Summary => "print a journey as a Mermaid flowchart";

    public int Run(ArgList args)
    {
        args.OnlyOptions();
        if (args.Positional.Count != 1)
        {
            throw new UsageException("name one journey file (*.journey.yaml)");
        }

        var content = ContentLoader.Load(args.Positional);
        foreach (var d in content.Diagnostics)
        {
            Console.Error.WriteLine(d.ToString());
        }

        if (content.Journeys.Count == 0)
        {
            Console.Error.WriteLine($"{args.Positional[0]}: no valid journey found");
            return content.IsValid ? 2 : 1;
        }

        foreach (var journey in content.Journeys)
        {
            Console.Write(MermaidGraph.Render(journey));
        }

        return content.IsValid ? 0 : 1;
    }
}
