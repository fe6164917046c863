using System.IO.Compression;

namespace SharedServicesPipeline.Pipeline.Reading.OpenXml;

/// <summary>
/// The parts of an .xlsx zip by name. As ExcelDataReader finds them: names compared without case and with
/// backslashes taken for slashes (both written by some zip tools), the first of two parts with one name winning.
/// A relationship's target is resolved as the Open Packaging Conventions say (relative to its source's folder,
/// "/" from the package's root, ".." segments followed), where ExcelDataReader only prefixed "xl/".
/// Every part is opened through <see cref="CountedPart"/>, whatever its entry claims to be, so what the read inflates is
/// bounded here, where it is inflated.
/// </summary>
internal sealed class PackageParts : IDisposable
{
    private readonly ZipArchive _zip;
    private readonly Dictionary<string, ZipArchiveEntry> _byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly ReadLimits _limits;
    private readonly InflateBudget _budget;

    public PackageParts(Stream content, ReadLimits limits)
    {
        _limits = limits;
        _budget = limits.Inflated;
        _zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
        foreach (var entry in _zip.Entries)
        {
            _byName.TryAdd(entry.FullName.Replace('\\', '/'), entry);
        }
    }

    /// <summary>The part's content, inflating as it is read; null when there is no such part.</summary>
    public Stream? Open(string? name) => name is not null && _byName.TryGetValue(name, out var entry)
        ? new CountedPart(entry.Open(), entry.FullName, entry.Length, entry.CompressedLength, _limits, _budget)
        : null;

    public bool Has(string? name) => name is not null && _byName.ContainsKey(name);

    /// <summary>A relationship target of a part in <paramref name="folder"/> (e.g. "xl/") as a part name; null when it leaves the package.</summary>
    public static string? Resolve(string folder, string target)
    {
        var path = target.Replace('\\', '/');
        var segments = new List<string>();
        foreach (var segment in (path.StartsWith('/') ? path : folder + path).Split('/'))
        {
            if (segment == "..")
            {
                if (segments.Count == 0)
                {
                    return null;
                }

                segments.RemoveAt(segments.Count - 1);
            }
            else if (segment.Length > 0 && segment != ".")
            {
                segments.Add(segment);
            }
        }

        return segments.Count == 0 ? null : string.Join('/', segments);
    }

    public void Dispose() => _zip.Dispose();
}
