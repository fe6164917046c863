using System.Text;

namespace SharedServicesPipeline.Pipeline;

/// <summary>
/// The comparison key of a header, choice or vocabulary word: letters and digits only, lower case, compatibility
/// normalised, pounds signs dropped ("Annual savings (£)" and "annual-savings" are one key). Shared by reading and the
/// reference vocabularies, so neither depends on the other for it.
/// </summary>
public static class TextKey
{
    public static string Of(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var normalised = text.Replace("(£)", "", StringComparison.Ordinal).Replace("£", "", StringComparison.Ordinal).Normalize(NormalizationForm.FormKD);
        // Called for every status, choice and service-area cell of a file: one string allocated, not a builder and its buffer.
        var key = normalised.Length <= 256 ? stackalloc char[normalised.Length] : new char[normalised.Length];
        var length = 0;
        foreach (var c in normalised)
        {
            if (char.IsLetterOrDigit(c))
            {
                key[length++] = char.ToLowerInvariant(c);
            }
        }

        return new string(key[..length]);
    }
}
