using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SharedServicesPipeline.Pipeline.Validation;

namespace SharedServicesPipeline.Pipeline.Loading;

/// <summary>
/// Which arrangement a row is: the same Reference from the same lead authority, else the same normalised title
/// and partner set. Hashed to a fixed-length key; the arrangement id shown to people is its first characters.
/// A domain rule, so it lives in the core: every loader (and anything that compares submissions) agrees on it.
/// </summary>
public static class ArrangementIdentity
{
    public static string KeyOf(ArrangementRecord record)
    {
        var natural = record.Reference is { } reference && record.Lead is { } lead
            ? $"ref|{lead.Code.ToUpperInvariant()}|{Normalise(reference)}"
            : $"tp|{Normalise(record.Title)}|{string.Join(',', record.Partners.Select(p => p.Code.ToUpperInvariant()).Distinct().Order(StringComparer.Ordinal))}";
        return Sha256(natural);
    }

    public static string IdOf(string identityKey) => "ARR-" + identityKey[..12].ToUpperInvariant();

    /// <summary>Hash of everything submitted about the arrangement: equal hashes mean an unchanged resubmission.</summary>
    public static string ContentHashOf(ArrangementRecord r) => Sha256(string.Join('\u001f',
        r.Reference, r.Title, r.Description, r.ServiceArea.Name, r.Category,
        r.StartDate?.ToString("O", CultureInfo.InvariantCulture), r.StartDateIsApproximate, r.EndDate?.ToString("O", CultureInfo.InvariantCulture),
        r.Status, r.AnnualSavings?.ToString(CultureInfo.InvariantCulture), r.SavingsToDate?.ToString(CultureInfo.InvariantCulture),
        r.Governance, r.DeliveryModel, string.Join(',', r.Partners.Select(p => p.Code).Order(StringComparer.Ordinal)), r.Lead?.Code));

    private static string Normalise(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormKD).ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if (c == '&')
            {
                builder.Append("and");
            }
        }

        return builder.ToString();
    }

    // Twice per accepted row: the UTF-8 bytes go on the stack (or a pooled buffer), not in a new array each time.
    private static string Sha256(string text)
    {
        var max = Encoding.UTF8.GetMaxByteCount(text.Length);
        byte[]? rented = null;
        var bytes = max <= 2048 ? stackalloc byte[max] : (rented = ArrayPool<byte>.Shared.Rent(max));
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(bytes[..Encoding.UTF8.GetBytes(text, bytes)], hash);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        return Convert.ToHexStringLower(hash);
    }
}
