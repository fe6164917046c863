namespace SharedServicesPipeline.Pipeline.Reading;

/// <summary>Sheets a reader passes over: hidden ones, and those that explain or feed the template.</summary>
internal static class SkippedSheets
{
    // Sheets that explain or feed the template: skipped even when they show an example table with the template's headers.
    private static readonly HashSet<string> SkippedSheetNames = new(StringComparer.Ordinal)
    {
        "notes", "readme", "help", "about", "cover", "contents", "glossary", "definitions", "codes", "lists", "list",
        "lookup", "lookups", "dropdown", "dropdowns", "validation", "datavalidation", "referencedata", "example", "examples",
    };

    private static readonly string[] SkippedSheetPrefixes = ["guidance", "instruction", "howto", "lookup", "dropdown"];

    internal static bool IsHidden(string? visibleState) =>
        !string.IsNullOrEmpty(visibleState) && !string.Equals(visibleState, "visible", StringComparison.OrdinalIgnoreCase);

    internal static bool IsGuidance(string sheet)
    {
        var key = HeaderSynonyms.Key(sheet);
        return SkippedSheetNames.Contains(key) || SkippedSheetPrefixes.Any(p => key.StartsWith(p, StringComparison.Ordinal));
    }
}
