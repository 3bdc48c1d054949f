using System.Diagnostics;
using System.Globalization;
using Trellis.Content;
using Trellis.Measurement.Simulation.Behavior;
using Trellis.Measurement.Simulation.Reporting;
using Trellis.Measurement.Simulation.Running;

namespace Trellis.Cli.Commands;

/// <summary>
/// <c>trellis simulate DIR --people N --days D --seed S [--behavior FILE] --report FILE</c> (SPEC §6): runs the
/// journeys of DIR over a seeded synthetic population and writes the report (JSON, or HTML for *.html).
/// </summary>
internal sealed class SimulateCommand : ICommand
{
    public string Name => "simulate";

    public string Usage => "simulate DIR --people N --days D --seed S [--behavior FILE] --report FILE";

    public string Summary => "simulate a synthetic population; report as JSON or HTML";

    public int Run(ArgList args)
    {
        args.OnlyOptions("people", "days", "seed", "behavior", "report", "threads");
        if (args.Positional.Count != 1)
        {
            throw new UsageException("name exactly one folder with journeys (and their templates and policies.yaml)");
        }

        var options = new SimulationOptions
        {
            People = Whole(args, "people", 1000, 0, 100_000_000),
            Days = Whole(args, "days", 30, 1, 3650),
            Seed = Seed(args),
            Threads = Whole(args, "threads", Environment.ProcessorCount, 1, 256),
        };
        var reportPath = args.RequiredOption("report");
        var content = ContentLoader.Load(args.Positional);
        foreach (var d in content.Diagnostics)
        {
            Console.Error.WriteLine(d.ToString());
        }

        if (!content.IsValid)
        {
            return 2;
        }

        if (content.Journeys.Count == 0)
        {
            Console.Error.WriteLine($"{args.Positional[0]}: no journeys (*.journey.yaml) to simulate");
            return 2;
        }

        BehaviorModel model;
        try
        {
            model = args.Option("behavior") is { } path ? BehaviorReader.ReadFile(path) : BehaviorReader.Default();
        }
        catch (BehaviorFileException e)
        {
            foreach (var d in e.Diagnostics)
            {
                Console.Error.WriteLine(d.ToString());
            }

            return 2;
        }
        catch (IOException e)
        {
            Console.Error.WriteLine($"{args.Option("behavior")}: {e.Message}");
            return 2;
        }

        var progress = new TerminalProgress(Console.Error, interactive: !Console.IsErrorRedirected);
        var clock = Stopwatch.StartNew();
        var report = Simulator.Run(content.ToWorkspace(), model, options, progress.Report, out var inputs);
        progress.Done();
        foreach (var warning in report.Warnings)
        {
            Console.Error.WriteLine("warning: " + warning);
        }

        SimulationReportWriter.Write(report, reportPath);
        var entries = report.Journeys.Sum(j => j.Entrants);
        var sends = report.Journeys.Sum(j => j.Sends);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"simulated {options.People:N0} people × {options.Days} days (seed {options.Seed}): {inputs:N0} inputs, {entries:N0} journey entries, {sends:N0} sends in {clock.Elapsed.TotalSeconds:0.0}s → {reportPath}"));
        return 0;
    }

    private static int Whole(ArgList args, string name, int fallback, int min, int max)
    {
        if (args.Option(name) is not { } text)
        {
            return args.Flag(name) ? throw new UsageException($"--{name} needs a number") : fallback;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < min || n > max)
        {
            throw new UsageException($"--{name} must be a whole number from {min} to {max}, not '{text}'");
        }

        return n;
    }

    private static ulong Seed(ArgList args)
    {
        var text = args.Option("seed") ?? "1";
        return ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seed)
            ? seed
            : throw new UsageException($"--seed must be a whole number from 0 to {ulong.MaxValue}, not '{text}'");
    }
}
