using System.Text.RegularExpressions;

namespace Trellis.Templates.Checking;

/// <summary>
/// Turns a Handlebars.Net compile failure into an issue. Only a few of its messages carry a position
/// ("Occured at: line:column"), so the line falls back to 1; the checker's own scan finds the common
/// mistakes first and gives exact lines.
/// </summary>
internal static partial class HandlebarsCompileErrors
{
    public static TemplateIssue ToIssue(Exception error, int lineCount)
    {
        var message = error.Message;
        var line = 1;
        var position = PositionPattern().Match(message);
        if (position.Success && int.TryParse(position.Groups[1].Value, out var reported))
        {
            line = Math.Clamp(reported, 1, Math.Max(1, lineCount));
            message = message[..position.Index];
        }

        var firstLine = message.Split('\n', 2)[0].Trim().TrimEnd('.');
        return new(line, $"Handlebars syntax error: {firstLine}");
    }

    [GeneratedRegex(@"Occured at:\s*(\d+):(\d+)")]
    private static partial Regex PositionPattern();
}
