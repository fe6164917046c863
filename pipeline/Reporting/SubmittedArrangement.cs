using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using SharedServicesPipeline.Pipeline.Validation;

namespace SharedServicesPipeline.Pipeline.Reporting;

/// <summary>
/// One arrangement of a return as the next return is compared with it: the submitter's identity for it (their reference,
/// else its title), where it was, whether it loaded, and the values that loaded (none when it did not).
/// </summary>
public sealed record SubmittedArrangement(string Key, string Title, string Sheet, int Row, RowOutcome Outcome, IReadOnlyDictionary<string, string> Fields)
{
    /// <summary>
    /// A fingerprint of the loaded values (names and values, in name order): two arrangements with the same one have the
    /// same values, so a comparison holds 16 bytes an arrangement instead of its fields.
    /// </summary>
    public UInt128 FieldsHash()
    {
        var text = new StringBuilder();
        foreach (var field in Fields.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            text.Append(field.Key).Append('\u001f').Append(field.Value).Append('\u001e');
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()), hash);
        return BinaryPrimitives.ReadUInt128LittleEndian(hash);
    }
}
