using System.Globalization;

namespace Trellis.Measurement.Simulation.Running;

/// <summary>
/// Shows a simulation's progress on a writer (stderr): a bar redrawn in place on a terminal, or a plain line per
/// tenth when the output is redirected to a file or pipe (no control characters in logs).
/// </summary>
public sealed class TerminalProgress(TextWriter writer, bool interactive)
{
    private const int Width = 30;
    private int _lastTenth = -1;
    private string _lastBar = "";

    public void Report(SimulationProgress progress)
    {
        var fraction = progress.Fraction;
        var day = progress.Day.ToString("0.0", CultureInfo.InvariantCulture);
        if (interactive)
        {
            var filled = (int)(fraction * Width);
            var bar = $"\r[{new string('#', filled)}{new string('.', Width - filled)}] {fraction * 100,3:0}%  day {day}/{progress.Days}";
            if (bar != _lastBar)
            {
                writer.Write(bar);
                _lastBar = bar;
            }

            return;
        }

        var tenth = (int)(fraction * 10);
        if (tenth > _lastTenth)
        {
            _lastTenth = tenth;
            writer.WriteLine($"simulate: {tenth * 10}% (day {day} of {progress.Days})");
        }
    }

    /// <summary>Ends the bar's line on a terminal.</summary>
    public void Done()
    {
        if (interactive && _lastBar.Length > 0)
        {
            writer.WriteLine();
        }
    }
}
