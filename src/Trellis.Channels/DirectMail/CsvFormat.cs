using System.Text;

namespace Trellis.Channels.DirectMail;

/// <summary>
/// RFC 4180 CSV: a field is quoted when it holds a comma, a quote, a line break or leading/trailing
/// space, and quotes inside are doubled; records end with CRLF. Postal addresses and letter bodies
/// are multi-line, so quoting is the common case here, not the exception.
/// </summary>
public static class CsvFormat
{
    public const string RecordEnd = "\r\n";

    public static string Field(string value)
    {
        var needsQuotes = value.AsSpan().IndexOfAny(",\"\r\n") >= 0
            || (value.Length > 0 && (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1])));
        return needsQuotes ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }

    public static string Record(params IEnumerable<string> fields) => string.Join(',', fields.Select(Field)) + RecordEnd;

    /// <summary>Reads records back (quoted fields may span lines). Used to find what a batch already holds.</summary>
    public static List<string[]> Parse(string text)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var atFieldStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"')
                {
                    field.Append(c);
                }
                else if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }

                continue;
            }

            switch (c)
            {
                case '"' when atFieldStart:
                    quoted = true;
                    atFieldStart = false;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    atFieldStart = true;
                    break;
                case '\r' or '\n':
                    if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    fields.Add(field.ToString());
                    field.Clear();
                    records.Add([.. fields]);
                    fields.Clear();
                    atFieldStart = true;
                    break;
                default:
                    field.Append(c);
                    atFieldStart = false;
                    break;
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add([.. fields]);
        }

        return records;
    }
}
