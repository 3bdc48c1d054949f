using System.Buffers;
using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;
using HandlebarsDotNet;
using static Trellis.Templates.Helpers.HelperValues;

namespace Trellis.Templates.Helpers;

/// <summary>default, upper, lower and json: helpers that turn one value into text.</summary>
internal static class TextHelpers
{
    public static void Register(IHandlebars handlebars)
    {
        handlebars.RegisterHelper("default", (Context _, Arguments arguments) => Default(arguments));
        handlebars.RegisterHelper("upper", (Context _, Arguments arguments) => ToText(At(arguments, 0)).ToUpperInvariant());
        handlebars.RegisterHelper("lower", (Context _, Arguments arguments) => ToText(At(arguments, 0)).ToLowerInvariant());
        handlebars.RegisterHelper("json", (Context _, Arguments arguments) => Json(At(arguments, 0)));
    }

    /// <summary>Returns the chosen value itself, not its text, so <c>(default event.total 0)</c> stays a number.</summary>
    private static object? Default(in Arguments arguments)
    {
        for (var i = 0; i < arguments.Length; i++)
        {
            if (!IsEmpty(arguments[i]))
            {
                return arguments[i];
            }
        }

        return "";
    }

    private static string Json(object? value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteJson(writer, value);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteJson(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null or UndefinedBindingResult:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case IDictionary map:
                writer.WriteStartObject();
                foreach (DictionaryEntry entry in map)
                {
                    writer.WritePropertyName(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? "");
                    WriteJson(writer, entry.Value);
                }

                writer.WriteEndObject();
                break;
            case IEnumerable items:
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    WriteJson(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                if (TryGetNumber(value, allowText: false, out var number) && double.IsFinite(number))
                {
                    writer.WriteNumberValue(number);
                }
                else
                {
                    writer.WriteStringValue(ToText(value));
                }

                break;
        }
    }
}
