using Trellis.Content;
using Trellis.Runtime.Scenarios;

namespace Trellis.Cli.Commands;

/// <summary><c>trellis test PATH…</c>: runs scenario files on a virtual clock and checks their expectations.</summary>
internal sealed class TestCommand : ICommand
{
    public string Name => "test";

    public string Usage => "test PATH…";

    public string Summary => "run scenario files (journey unit tests)";

    public int Run(ArgList args)
    {
        args.OnlyOptions();
        if (args.Positional.Count == 0)
        {
            throw new UsageException("name scenario files or folders");
        }

        var content = ContentLoader.Load(args.Positional);
        foreach (var d in content.Diagnostics)
        {
            Console.WriteLine(d.ToString());
        }

        if (content.Scenarios.Count == 0 && content.IsValid)
        {
            Console.WriteLine("no scenario files (*.scenario.yaml) found");
            return 1;
        }

        int passed = 0, failed = 0;
        foreach (var scenario in content.Scenarios)
        {
            var effects = ScenarioRunner.Run(ScenarioScripts.From(scenario));
            var verdict = ExpectationChecker.Check(scenario, effects);
            if (verdict.Passed)
            {
                passed++;
                Console.WriteLine($"PASS  {scenario.Name}  ({scenario.Location.File}, {verdict.Sends} sends)");
            }
            else
            {
                failed++;
                Console.WriteLine($"FAIL  {scenario.Name}  ({scenario.Location.File})");
                foreach (var f in verdict.Failures)
                {
                    Console.WriteLine("      " + f);
                }
            }
        }

        Console.WriteLine();
        Console.WriteLine($"{passed} passed, {failed} failed");
        return failed == 0 && content.IsValid ? 0 : 1;
    }
}
