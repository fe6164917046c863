using System.Text;

namespace SharedServicesPipeline.Pipeline.Reference;

/// <summary>
/// The key held names are grouped by on the review list: case, accents, punctuation, "&amp;"/"and" and spacing do not
/// matter, so "St. Helens &amp; Knowsley" and "st helens and knowsley" are one name to review.
/// </summary>
public static class ReviewNameKey
{
    /// <summary>The stored key's size (review_name.name_key).</summary>
    public const int MaxLength = 400;

    public static string Of(string name)
    {
        var builder = new StringBuilder(name.Length);
        var space = false;
        foreach (var c in name.Normalize(NormalizationForm.FormKD).ToLowerInvariant().Replace("&", " and ", StringComparison.Ordinal))
        {
            if (char.IsLetterOrDigit(c))
            {
                if (space && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                builder.Append(c);
                space = false;
            }
            else if (char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                space = true;
            }
        }

        return builder.Length > MaxLength ? builder.ToString(0, MaxLength) : builder.ToString();
    }
}
