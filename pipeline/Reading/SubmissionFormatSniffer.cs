namespace SharedServicesPipeline.Pipeline.Reading;

/// <summary>Tells a file's format from its first bytes: councils rename files, so the extension is only a hint.</summary>
public static class SubmissionFormatSniffer
{
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] Ole2Magic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>Reads up to 8 KB from the start of a seekable stream and rewinds it.</summary>
    public static SubmissionFormat Detect(Stream content)
    {
        var head = new byte[8192];
        content.Position = 0;
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        content.Position = 0;
        var span = head.AsSpan(0, read);

        if (span.StartsWith(ZipMagic))
        {
            return SubmissionFormat.OpenXml;
        }

        if (span.StartsWith(Ole2Magic))
        {
            return IsEncryptedPackage(content) ? SubmissionFormat.Encrypted : SubmissionFormat.LegacyExcel;
        }

        return read > 0 && LooksLikeText(span) ? SubmissionFormat.Csv : SubmissionFormat.Unknown;
    }

    // An encrypted .xlsx is an OLE2 file with streams named "EncryptionInfo" and "EncryptedPackage" (UTF-16 in the directory).
    private static bool IsEncryptedPackage(Stream content)
    {
        var marker = System.Text.Encoding.Unicode.GetBytes("EncryptedPackage");
        var buffer = new byte[Math.Min(content.Length, 1 << 20)];
        content.Position = 0;
        var read = content.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        content.Position = 0;
        return buffer.AsSpan(0, read).IndexOf(marker) >= 0;
    }

    private static bool LooksLikeText(ReadOnlySpan<byte> head)
    {
        var control = 0;
        foreach (var b in head)
        {
            if (b == 0)
            {
                return false;
            }

            if (b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1A))
            {
                control++;
            }
        }

        // A few stray control bytes happen in exported CSV; binary junk has many.
        return control <= head.Length / 100;
    }
}
