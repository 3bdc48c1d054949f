using Trellis.Content;
using Trellis.Runtime.Scenarios;
using Trellis.Runtime.Tracing;

namespace Trellis.Cli.Commands;

/// <summary><c>trellis run SCENARIO --trace FILE</c>: runs one scenario and writes its decision trace as JSON Lines.</summary>
internal sealed class RunCommand : ICommand
{
    public string Name => "run";

    public string Usage => "run SCENARIO [--trace FILE]";

    public string Summary => "run one scenario and write its trace (JSON Lines)";

    public int Run(ArgList args)
    {
        args.OnlyOptions("trace");
        if (args.Positional.Count != 1)
        {
            throw new UsageException("name exactly one scenario file");
        }

        var content = ContentLoader.Load(args.Positional);
        foreach (var d in content.Diagnostics)
        {
            Console.Error.WriteLine(d.ToString());
        }

        if (!content.IsValid || content.Scenarios.Count != 1)
        {
            if (content.IsValid)
            {
                Console.Error.WriteLine($"{args.Positional[0]}: not a scenario file (*.scenario.yaml)");
            }

            return 2;
        }

        var scenario = content.Scenarios[0];
        var tracePath = args.Option("trace");
        using var trace = tracePath is null ? null : new TraceFileWriter(tracePath);
        var effects = ScenarioRunner.Run(ScenarioScripts.From(scenario), e => trace?.Write(e));
        if (tracePath is null)
        {
            foreach (var e in effects)
            {
                Console.WriteLine(TraceLine.ToJson(e));
            }
        }

        var verdict = ExpectationChecker.Check(scenario, effects);
        var sink = tracePath is null ? Console.Error : Console.Out;
        sink.WriteLine($"{scenario.Name}: {effects.Count} trace lines, {verdict.Sends} sends" + (tracePath is null ? "" : $" → {tracePath}"));
        foreach (var f in verdict.Failures)
        {
            sink.WriteLine("  " + f);
        }

        return verdict.Passed ? 0 : 1;
    }
}
