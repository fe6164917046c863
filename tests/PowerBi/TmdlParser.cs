using System.Text.RegularExpressions;

namespace SharedServicesPipeline.Tests.PowerBi;

/// <summary>
/// A structural reader for TMDL (no library for it is served here): tab indentation nests objects; a line that starts with
/// an object keyword opens an object, <c>name: value</c> is a property, a bare word is a flag; an expression follows <c>=</c>
/// on the same line, on the deeper-indented lines below, or between ``` fences. Comments (<c>///</c>) are descriptions.
/// </summary>
internal static partial class TmdlParser
{
    private static readonly HashSet<string> ObjectKinds = new(StringComparer.Ordinal)
    {
        "database", "model", "table", "column", "measure", "partition", "relationship", "expression", "annotation", "ref",
        "hierarchy", "level", "calculationGroup", "calculationItem", "role", "tablePermission", "perspective", "cultureInfo",
        "dataAccessOptions", "variation", "dataSource", "changedProperty", "extendedProperty", "linguisticMetadata", "function",
    };

    /// <summary>Reads every .tmdl file under a definition folder into one root whose children are the files' top-level objects.</summary>
    public static TmdlNode ReadFolder(string definitionFolder) => ReadFolder(definitionFolder, (_, text) => text);

    /// <summary>Reads the folder with each file's text passed through <paramref name="edit"/> (file path, text) first: a model changed in memory.</summary>
    public static TmdlNode ReadFolder(string definitionFolder, Func<string, string, string> edit)
    {
        var root = new TmdlNode("root", "", null, definitionFolder, 0);
        foreach (var file in Directory.EnumerateFiles(definitionFolder, "*.tmdl", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            root.Children.AddRange(Parse(edit(file, File.ReadAllText(file)).Split('\n').Select(l => l.TrimEnd('\r')).ToList(), file));
        }

        return root;
    }

    public static List<TmdlNode> Parse(IReadOnlyList<string> lines, string file)
    {
        var top = new List<TmdlNode>();
        var open = new Stack<(int Depth, TmdlNode Node)>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var text = line.TrimStart('\t');
            if (text.Trim().Length == 0 || text.StartsWith("///", StringComparison.Ordinal))
            {
                continue;
            }

            if (line.StartsWith(' '))
            {
                throw new FormatException($"{file}:{i + 1}: TMDL indents with tabs, not spaces.");
            }

            var depth = line.Length - text.Length;
            while (open.Count > 0 && open.Peek().Depth >= depth)
            {
                open.Pop();
            }

            var parent = open.Count > 0 ? open.Peek().Node : null;
            var match = Declaration().Match(text);
            if (match.Success && ObjectKinds.Contains(match.Groups["kind"].Value))
            {
                var node = new TmdlNode(match.Groups["kind"].Value, Unquote(match.Groups["name"].Value.Trim()), null, file, i + 1);
                node.Expression = ReadExpression(lines, ref i, depth, match.Groups["expr"]);
                (parent?.Children ?? top).Add(node);
                open.Push((depth, node));
                continue;
            }

            if (parent is null)
            {
                throw new FormatException($"{file}:{i + 1}: '{text}' is outside any object.");
            }

            var property = Property().Match(text);
            if (property.Success)
            {
                var value = property.Groups["sep"].Value == "="
                    ? ReadExpression(lines, ref i, depth, property.Groups["value"]) ?? ""
                    : property.Groups["value"].Value.Trim();
                parent.Properties[property.Groups["name"].Value] = value;
            }
            else
            {
                parent.Flags.Add(text.Trim());
            }
        }

        return top;
    }

    // After "=": the rest of the line, a ``` fenced block, or (when the line ends at "=") the deeper-indented lines below.
    private static string? ReadExpression(IReadOnlyList<string> lines, ref int i, int depth, Group sameLine)
    {
        if (!sameLine.Success)
        {
            return null;
        }

        var rest = sameLine.Value.Trim();
        var body = new List<string>();
        if (rest == "```")
        {
            while (++i < lines.Count && lines[i].Trim() != "```")
            {
                body.Add(lines[i].Trim());
            }

            return string.Join('\n', body);
        }

        if (rest.Length > 0)
        {
            return rest;
        }

        while (i + 1 < lines.Count && (lines[i + 1].Trim().Length == 0 || lines[i + 1].Length - lines[i + 1].TrimStart('\t').Length > depth + 1))
        {
            body.Add(lines[++i].Trim());
        }

        return string.Join('\n', body).Trim();
    }

    private static string Unquote(string name) =>
        name.Length >= 2 && name[0] == '\'' && name[^1] == '\'' ? name[1..^1].Replace("''", "'", StringComparison.Ordinal) : name;

    [GeneratedRegex(@"^(?<kind>[A-Za-z]+)(?:\s+(?<name>'(?:[^']|'')*'|[^=\s][^=]*?))?\s*(?:=(?<expr>.*))?$")]
    private static partial Regex Declaration();

    [GeneratedRegex(@"^(?<name>[A-Za-z][A-Za-z0-9]*)\s*(?<sep>[:=])\s*(?<value>.*)$")]
    private static partial Regex Property();
}
