namespace SharedServicesPipeline.Tests.PowerBi;

/// <summary>
/// One TMDL object (<c>table X</c>, <c>column Y</c>, <c>relationship Z</c>, …) with its properties (<c>dataType: int64</c>),
/// flags (<c>isHidden</c>), default expression (after <c>=</c>) and children, as written in <see cref="File"/> at <see cref="Line"/>.
/// </summary>
internal sealed class TmdlNode
{
    public TmdlNode(string kind, string name, string? expression, string file, int line)
    {
        Kind = kind;
        Name = name;
        Expression = expression;
        File = file;
        Line = line;
    }

    public string Kind { get; }

    public string Name { get; }

    public string? Expression { get; set; }

    public string File { get; }

    public int Line { get; }

    public Dictionary<string, string> Properties { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Flags { get; } = new(StringComparer.Ordinal);

    public List<TmdlNode> Children { get; } = [];

    public string? this[string property] => Properties.GetValueOrDefault(property);

    public IEnumerable<TmdlNode> All(string kind) => Children.Where(c => c.Kind == kind);

    public override string ToString() => $"{Kind} {Name} ({System.IO.Path.GetFileName(File)}:{Line})";
}
