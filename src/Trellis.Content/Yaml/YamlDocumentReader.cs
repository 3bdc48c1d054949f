using System.Text.RegularExpressions;
using Trellis.Content.Reading;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Trellis.Content.Yaml;

/// <summary>
/// Reads YAML text into <see cref="YamlNode"/>s that keep their lines. Built on YamlDotNet's parser events
/// (not its object model) so that duplicate keys, several documents and odd tags can be reported precisely.
/// </summary>
internal static partial class YamlDocumentReader
{
    private const string TextTag = "tag:yaml.org,2002:str";

    // Content can arrive over the admin API: bound the nesting (the reader recurses) and the aliases
    // (each one can stand for a whole subtree, so a few nested ones multiply when values are expanded).
    private const int MaxDepth = 64;
    private const int MaxAliases = 50;

    /// <summary>The root node, or null when the text is empty or has a syntax error (reported).</summary>
    public static YamlNode? Read(string text, DiagnosticBag diagnostics)
    {
        var state = new State(text, diagnostics);
        try
        {
            var parser = new Parser(new StringReader(text));
            state.Parser = parser;
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                return null;
            }

            parser.Consume<DocumentStart>();
            var root = ReadNode(state, depth: 0);
            parser.Consume<DocumentEnd>();
            if (parser.Accept<DocumentStart>(out var second))
            {
                diagnostics.Report(LineOf(second.Start), "a file holds one YAML document; remove the second one ('---')");
                return null;
            }

            return root is YamlScalar { IsNull: true } ? null : root;
        }
        catch (YamlException e)
        {
            diagnostics.Report(LineOf(e.Start), "YAML syntax error: " + CleanMessage(e.Message));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner gives up this way on some unterminated flow collections; the last node it
            // read is where the reading went wrong.
            diagnostics.Report(state.LastLine, "YAML syntax error: cannot read on from here; is a bracket, brace or quote left open?");
            return null;
        }
    }

    private static YamlNode ReadNode(State state, int depth)
    {
        var parser = state.Parser!;
        if (parser.Current is { } current)
        {
            state.LastLine = LineOf(current.Start);
            if (depth > MaxDepth)
            {
                throw new YamlException(current.Start, current.End, $"nesting is deeper than {MaxDepth} levels");
            }
        }

        if (parser.TryConsume<Scalar>(out var scalar))
        {
            return Remember(state, scalar, ToScalar(state, scalar));
        }

        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            if (++state.Aliases > MaxAliases)
            {
                throw new YamlException(alias.Start, alias.End, $"more than {MaxAliases} aliases (*name) in one file");
            }

            if (state.Anchors.TryGetValue(alias.Value.Value, out var anchored))
            {
                return anchored;
            }

            throw new YamlException(alias.Start, alias.End, $"unknown alias '*{alias.Value.Value}'");
        }

        if (parser.TryConsume<SequenceStart>(out var sequenceStart))
        {
            var items = new List<YamlNode>();
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                items.Add(ReadNode(state, depth + 1));
            }

            var sequence = new YamlSequence(LineOf(sequenceStart.Start), ColumnOf(sequenceStart.Start), items);
            return Remember(state, sequenceStart, sequence);
        }

        var mappingStart = parser.Consume<MappingStart>();
        var entries = new List<YamlEntry>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var keyNode = ReadNode(state, depth + 1);
            var value = ReadNode(state, depth + 1);
            if (keyNode is not YamlScalar key)
            {
                state.Diagnostics.Report(keyNode.Line, "a key must be text, not " + keyNode.Describe);
                continue;
            }

            if (seen.TryGetValue(key.Value, out var firstLine))
            {
                state.Diagnostics.Report(key.Line, $"duplicate key '{key.Value}' (first at line {firstLine})");
                continue;
            }

            seen.Add(key.Value, key.Line);
            entries.Add(new YamlEntry(key, value));
        }

        var mapping = new YamlMapping(LineOf(mappingStart.Start), ColumnOf(mappingStart.Start), entries);
        return Remember(state, mappingStart, mapping);
    }

    private static YamlScalar ToScalar(State state, Scalar scalar)
    {
        var tag = scalar.Tag;
        var taggedAsText = !tag.IsEmpty && tag.Value == TextTag;
        if (!tag.IsEmpty && !tag.IsNonSpecific && !taggedAsText)
        {
            state.Diagnostics.Report(LineOf(scalar.Start), $"unsupported YAML tag '{tag.Value}'; only !!str is allowed");
        }

        return new YamlScalar(
            scalar.Value,
            scalar.Style,
            taggedAsText,
            LineOf(scalar.Start),
            ColumnOf(scalar.Start),
            (int)scalar.Start.Index,
            (int)scalar.End.Index,
            state.Text);
    }

    private static YamlNode Remember(State state, NodeEvent e, YamlNode node)
    {
        if (!e.Anchor.IsEmpty)
        {
            state.Anchors[e.Anchor.Value] = node;
        }

        return node;
    }

    private static int LineOf(Mark mark) => (int)Math.Max(1, mark.Line);

    private static int ColumnOf(Mark mark) => (int)Math.Max(1, mark.Column);

    /// <summary>YamlDotNet prefixes "(Line: 3, Col: 5, Idx: 20) - (Line: …): "; the line is already in front.</summary>
    private static string CleanMessage(string message)
    {
        var cleaned = PositionPrefix().Replace(message, "").Trim();
        if (cleaned.Length > 0 && char.IsUpper(cleaned[0]) && (cleaned.Length == 1 || !char.IsUpper(cleaned[1])))
        {
            cleaned = char.ToLowerInvariant(cleaned[0]) + cleaned[1..];
        }

        return cleaned.TrimEnd('.');
    }

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\):\s*")]
    private static partial Regex PositionPrefix();

    private sealed class State(string text, DiagnosticBag diagnostics)
    {
        public string Text { get; } = text;

        public DiagnosticBag Diagnostics { get; } = diagnostics;

        public Parser? Parser { get; set; }

        public int LastLine { get; set; } = 1;

        public int Aliases { get; set; }

        public Dictionary<string, YamlNode> Anchors { get; } = new(StringComparer.Ordinal);
    }
}
