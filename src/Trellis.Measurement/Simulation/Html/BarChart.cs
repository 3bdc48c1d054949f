using System.Text;
using static Trellis.Measurement.Simulation.Html.HtmlText;

namespace Trellis.Measurement.Simulation.Html;

/// <summary>
/// Draws charts as inline SVG (no script, no external files): horizontal stacked bars with a legend, and a
/// vertical histogram. Coordinates are rounded to one decimal so the output is short and stable.
/// </summary>
public static class BarChart
{
    private const int MinLabelWidth = 170;
    private const int BarWidth = 420;
    private const int RowHeight = 22;

    public static string Horizontal(string title, IReadOnlyList<BarRow> rows, double? scaleMax = null)
    {
        if (rows.Count == 0 || rows.All(r => r.Total <= 0))
        {
            return $"<p class=\"empty\">{E(title)}: none</p>";
        }

        var keys = rows.SelectMany(r => r.Segments).Select(s => s.Key).Distinct().ToList();
        var labelWidth = Math.Max(MinLabelWidth, rows.Max(r => r.Label.Length) * 7 + 10);
        var max = scaleMax ?? rows.Max(r => r.Total);
        var legendHeight = keys.Count > 1 ? 22 : 0;
        var height = rows.Count * RowHeight + legendHeight + 28;
        var svg = new StringBuilder();
        svg.Append($"<figure><figcaption>{E(title)}</figcaption><svg role=\"img\" viewBox=\"0 0 {labelWidth + BarWidth + 110} {height}\" width=\"{labelWidth + BarWidth + 110}\" height=\"{height}\">");
        var y = 4;
        foreach (var row in rows)
        {
            svg.Append($"<text x=\"{labelWidth - 6}\" y=\"{y + 15}\" text-anchor=\"end\">{E(row.Label)}</text>");
            double x = labelWidth;
            foreach (var segment in row.Segments)
            {
                var w = max <= 0 ? 0 : segment.Value / max * BarWidth;
                if (w > 0)
                {
                    svg.Append($"<rect x=\"{N(x, "0.#")}\" y=\"{y + 3}\" width=\"{N(Math.Max(w, 0.5), "0.#")}\" height=\"{RowHeight - 6}\" fill=\"{Palette.Of(segment.Key, keys.IndexOf(segment.Key))}\"><title>{E(segment.Key)}: {N((long)segment.Value)}</title></rect>");
                }

                x += w;
            }

            svg.Append($"<text x=\"{N(x + 5, "0.#")}\" y=\"{y + 15}\" class=\"value\">{E(row.Note ?? N((long)row.Total))}</text>");
            y += RowHeight;
        }

        if (keys.Count > 1)
        {
            Legend(svg, keys, labelWidth, y + 10);
        }

        svg.Append("</svg></figure>");
        return svg.ToString();
    }

    /// <summary>Columns for the counts 0, 1, 2, … (e.g. person-weeks by messages that week), one series or two side by side.</summary>
    public static string Histogram(string title, string xLabel, IReadOnlyList<(string Key, IReadOnlyList<long> Counts)> series)
    {
        var bins = series.Max(s => s.Counts.Count);
        if (bins == 0)
        {
            return $"<p class=\"empty\">{E(title)}: none</p>";
        }

        const int plotHeight = 160;
        const int left = 70;
        var columnWidth = Math.Clamp(560.0 / bins, 8, 48);
        var width = (int)(left + bins * columnWidth + 20);
        var max = Math.Max(1, series.Max(s => s.Counts.DefaultIfEmpty(0).Max()));
        var svg = new StringBuilder();
        svg.Append($"<figure><figcaption>{E(title)}</figcaption><svg role=\"img\" viewBox=\"0 0 {width} {plotHeight + 70}\" width=\"{width}\" height=\"{plotHeight + 70}\">");
        svg.Append($"<text x=\"{left - 6}\" y=\"14\" text-anchor=\"end\">{N(max)}</text><text x=\"{left - 6}\" y=\"{plotHeight + 10}\" text-anchor=\"end\">0</text>");
        svg.Append($"<line x1=\"{left}\" y1=\"{plotHeight + 10}\" x2=\"{width - 10}\" y2=\"{plotHeight + 10}\" stroke=\"#888\"/>");
        var barWidth = columnWidth * 0.8 / series.Count;
        for (var b = 0; b < bins; b++)
        {
            var x0 = left + b * columnWidth;
            for (var s = 0; s < series.Count; s++)
            {
                var count = b < series[s].Counts.Count ? series[s].Counts[b] : 0;
                var h = (double)count / max * plotHeight;
                var x = x0 + columnWidth * 0.1 + s * barWidth;
                svg.Append($"<rect x=\"{N(x, "0.#")}\" y=\"{N(plotHeight + 10 - h, "0.#")}\" width=\"{N(barWidth, "0.#")}\" height=\"{N(h, "0.#")}\" fill=\"{Palette.Of(series[s].Key, s)}\"><title>{E(series[s].Key)}, {b}: {N(count)}</title></rect>");
            }

            svg.Append($"<text x=\"{N(x0 + columnWidth / 2, "0.#")}\" y=\"{plotHeight + 26}\" text-anchor=\"middle\">{b}</text>");
        }

        svg.Append($"<text x=\"{left}\" y=\"{plotHeight + 44}\">{E(xLabel)}</text>");
        if (series.Count > 1)
        {
            Legend(svg, series.Select(s => s.Key).ToList(), left, plotHeight + 62);
        }

        svg.Append("</svg></figure>");
        return svg.ToString();
    }

    private static void Legend(StringBuilder svg, IReadOnlyList<string> keys, int x, int y)
    {
        for (var i = 0; i < keys.Count; i++)
        {
            svg.Append($"<rect x=\"{x}\" y=\"{y - 10}\" width=\"10\" height=\"10\" fill=\"{Palette.Of(keys[i], i)}\"/><text x=\"{x + 14}\" y=\"{y}\">{E(keys[i])}</text>");
            x += 24 + keys[i].Length * 7;
        }
    }
}
