using System.Xml;

namespace SharedServicesPipeline.Pipeline.Reading.OpenXml;

/// <summary>
/// The XML parser's table of element, attribute and prefix names, refusing to grow past <see cref="ReadLimits.MaxNames"/>:
/// every distinct name in every part is kept for the whole read, so a part of a million made-up names would otherwise
/// hold them all.
/// </summary>
internal sealed class BoundedNameTable : XmlNameTable
{
    private readonly NameTable _names = new();
    private int _count;

    public override string Add(char[] array, int offset, int length) =>
        _names.Get(array, offset, length) ?? Added(_names.Add(array, offset, length));

    public override string Add(string array) => _names.Get(array) ?? Added(_names.Add(array));

    public override string? Get(char[] array, int offset, int length) => _names.Get(array, offset, length);

    public override string? Get(string array) => _names.Get(array);

    private string Added(string name) => ++_count > ReadLimits.MaxNames
        ? throw FileLimitException.Beyond($"its XML uses more than {ReadLimits.MaxNames:N0} different element and attribute names (a workbook uses a few hundred)")
        : name;
}
