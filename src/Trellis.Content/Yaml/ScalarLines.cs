using YamlDotNet.Core;

namespace Trellis.Content.Yaml;

/// <summary>
/// Traces a position inside a scalar's value back to the file line it was written on, so that an error in
/// line 3 of a block expression or template is reported on the right line of the file.
/// </summary>
internal static class ScalarLines
{
    /// <summary>The file line of the character at <paramref name="offset"/> (0-based) of the scalar's value.</summary>
    public static int LineOfOffset(YamlScalar scalar, int offset)
    {
        offset = Math.Clamp(offset, 0, scalar.Value.Length);
        if (scalar.Style == ScalarStyle.Literal)
        {
            // A literal block keeps every line as written; its content starts on the line after the indicator.
            return scalar.Line + 1 + CountNewlines(scalar.Value, offset);
        }

        return AlignedLine(scalar, offset);
    }

    /// <summary>The file line of line <paramref name="valueLine"/> (1-based) of the scalar's value.</summary>
    public static int LineOfValueLine(YamlScalar scalar, int valueLine)
    {
        var offset = 0;
        for (var line = 1; line < valueLine; line++)
        {
            var next = scalar.Value.IndexOf('\n', offset);
            if (next < 0)
            {
                break;
            }

            offset = next + 1;
        }

        return LineOfOffset(scalar, offset);
    }

    private static int CountNewlines(string text, int end)
    {
        var n = 0;
        for (var i = 0; i < end; i++)
        {
            if (text[i] == '\n')
            {
                n++;
            }
        }

        return n;
    }

    /// <summary>
    /// Folded, plain and quoted scalars join their lines, so the value no longer shows the breaks. Find each
    /// source line's text in the value, in order; the last one starting at or before the offset wins.
    /// </summary>
    private static int AlignedLine(YamlScalar scalar, int offset)
    {
        var start = Math.Clamp(scalar.StartIndex, 0, scalar.Source.Length);
        var end = Math.Clamp(scalar.EndIndex, start, scalar.Source.Length);
        var rawLines = scalar.Source[start..end].Split('\n');
        var first = scalar.IsBlock ? 1 : 0;
        var best = scalar.Line + first;
        var position = 0;
        for (var i = first; i < rawLines.Length; i++)
        {
            var content = rawLines[i].Trim().Trim('\'', '"').Trim();
            if (content.Length == 0)
            {
                continue;
            }

            var found = scalar.Value.IndexOf(content, position, StringComparison.Ordinal);
            if (found < 0)
            {
                continue;
            }

            if (found > offset)
            {
                break;
            }

            best = scalar.Line + i;
            position = found + content.Length;
        }

        return best;
    }
}
