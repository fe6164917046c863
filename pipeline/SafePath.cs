namespace SharedServicesPipeline.Pipeline;

/// <summary>Joins names under a root and refuses any result outside it (names come from submitters and blob names).</summary>
public static class SafePath
{
    public static string Combine(string root, params string[] parts)
    {
        var fullRoot = Path.GetFullPath(root);
        var path = Path.GetFullPath(Path.Combine([fullRoot, .. parts.Select(Clean)]));
        var prefix = fullRoot.EndsWith(Path.DirectorySeparatorChar) ? fullRoot : fullRoot + Path.DirectorySeparatorChar;
        if (!path.StartsWith(prefix, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Refusing to use a path outside {fullRoot}.");
        }

        return path;
    }

    /// <summary>A file name safe to use anywhere: no folders, no control characters, at most 120 characters.</summary>
    public static string FileName(string name)
    {
        var leaf = name.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
        var cleaned = new string([.. leaf.Where(c => !char.IsControl(c) && Array.IndexOf(Path.GetInvalidFileNameChars(), c) < 0)]).Trim().TrimStart('.');
        if (cleaned.Length == 0)
        {
            cleaned = "submission";
        }

        if (cleaned.Length > 120)
        {
            var extension = Path.GetExtension(cleaned);
            cleaned = cleaned[..(120 - Math.Min(extension.Length, 10))] + (extension.Length <= 10 ? extension : "");
        }

        return cleaned;
    }

    private static string Clean(string part) =>
        part is ".." or "." || Path.IsPathRooted(part) || part.Contains('\0', StringComparison.Ordinal)
            ? throw new InvalidOperationException($"Refusing path part '{part}'.")
            : part;
}
