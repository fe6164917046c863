using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace SharedServicesPipeline.Pipeline.Reporting;

/// <summary>Text made safe for HTML: &lt;, &gt;, &amp; and quotes escaped, every other character kept as written.</summary>
internal static class Html
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Encode(string? text) => text is null ? "" : Encoder.Encode(text);

    /// <summary>An id usable as a fragment: letters, digits and hyphens.</summary>
    public static string Id(string prefix, string text)
    {
        var id = new StringBuilder(prefix);
        foreach (var c in text)
        {
            id.Append(char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-');
        }

        return id.ToString();
    }

    /// <summary>Excel's letters for a 0-based column index: 0 → A, 26 → AA.</summary>
    public static string ColumnLetters(int index)
    {
        var letters = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + (n - 1) % 26) + letters;
        }

        return letters;
    }
}
