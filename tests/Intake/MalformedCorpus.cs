using System.IO.Compression;
using SharedServicesPipeline.Pipeline.Submissions;
using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.Intake;

/// <summary>
/// Files that are not a good submission, each with the one reason code its outcome must carry. Small ones are committed
/// under TestData/intake/malformed (made by make-test-files.py); big ones are built here at test time.
/// </summary>
internal static class MalformedCorpus
{
    public sealed record Case(string Name, SubmissionDisposition Disposition, string Code, Func<byte[]> Bytes, IDictionary<string, string?>? Settings = null)
    {
        public override string ToString() => Name;
    }

    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "TestData", "intake", "malformed");

    public static IReadOnlyList<Case> All { get; } =
    [
        Committed("empty.xlsx", "file.empty"),
        Committed("random-bytes.xlsx", "file.not-a-spreadsheet"),
        Committed("pdf-renamed.xlsx", "file.not-a-spreadsheet"),
        Committed("word-document.xlsx", "file.not-a-spreadsheet"),
        Committed("plain-zip.xlsx", "file.not-a-spreadsheet"),
        Committed("html-table.xls", "file.not-a-spreadsheet"),
        Committed("spreadsheet-2003.xls", "file.not-a-spreadsheet"),
        Committed("binary-workbook.xlsb", "file.unsupported-format"),
        Committed("truncated.xlsx", "file.corrupt"),
        Committed("password-protected.xlsx", "file.password-protected"),
        Committed("password-protected.xls", "file.password-protected"),
        Committed("header-only.xlsx", "file.no-arrangements"),
        Committed("header-only.csv", "file.no-arrangements"),
        Committed("no-header-row.xlsx", "file.no-header-row"),
        Committed("required-column-missing.xlsx", "file.required-column-missing"),
        Committed("xml-entity-expansion.xlsx", "file.xml-doctype"),
        Committed("broken-xml.xlsx", "file.unreadable"),
        Committed("cell-beyond-last-column.xlsx", "file.unreadable"),
        Committed("deeply-nested-xml.xlsx", "file.beyond-excel-limits"), // nesting past ReadLimits.MaxDepth
        Committed("row-two-billion.xlsx", "file.no-arrangements"),
        Committed("nul-byte.csv", "file.csv-not-text"),
        new("million-blank-rows.xlsx", SubmissionDisposition.Rejected, "file.no-arrangements", MillionBlankRows),
        new("zip-bomb.xlsx", SubmissionDisposition.Rejected, "file.inflates-too-far", () => XlsxParts.Bomb(200L << 20)),
        new("zip-bomb-lying-directory.xlsx", SubmissionDisposition.Rejected, "file.inflates-too-far",
            () => XlsxParts.LieAboutSize(XlsxParts.Bomb(200L << 20), "xl/media/padding.bin", 1_000)),
        new("thousands-of-parts.xlsx", SubmissionDisposition.Rejected, "file.too-many-parts", ThousandsOfParts),
        new("thousands-of-columns.xlsx", SubmissionDisposition.Rejected, "file.too-many-columns", ThousandsOfColumns),
        new("too-many-rows.xlsx", SubmissionDisposition.Rejected, "file.too-many-rows", FiveRows,
            new Dictionary<string, string?> { ["Intake:MaxRows"] = "3" }),
        new("over-the-size-limit.xlsx", SubmissionDisposition.Rejected, "file.too-large", FiveRows,
            new Dictionary<string, string?> { ["Intake:MaxFileBytes"] = "2000" }),
        new("one-enormous-line.csv", SubmissionDisposition.Rejected, "file.csv-line-too-long",
            () => System.Text.Encoding.ASCII.GetBytes("Arrangement,Partners,Service area\r\n" + new string('x', 3 * 1024 * 1024))),
        new("cell-of-32767-characters.xlsx", SubmissionDisposition.Processed, "title.too-long", LongCell),
    ];

    public static Case Named(string name) => All.Single(c => c.Name == name);

    private static Case Committed(string name, string code) =>
        new(name, SubmissionDisposition.Rejected, code, () => File.ReadAllBytes(Path.Combine(Folder, name)));

    // Rows formatted to the bottom of the sheet: present in the XML, empty. A real arrangement sits below them all.
    private static byte[] MillionBlankRows() => XlsxParts.Workbook(w =>
    {
        XlsxParts.Row(w, 1, "Arrangement", "Partners", "Service area");
        for (var r = 2; r <= 1_000_001; r++)
        {
            w.Write("<row r=\"");
            w.Write(r);
            w.Write("\"/>");
        }

        XlsxParts.Row(w, 1_000_002, "Too far down", "Essex County Council; Slough Borough Council", "Legal");
    });

    private static byte[] ThousandsOfParts() => XlsxParts.Workbook(
        w => XlsxParts.Row(w, 1, "Arrangement", "Partners", "Service area"),
        zip =>
        {
            for (var i = 0; i < 10_050; i++)
            {
                zip.CreateEntry($"xl/media/image{i}.bin", CompressionLevel.NoCompression);
            }
        });

    private static byte[] ThousandsOfColumns() => XlsxParts.Workbook(w =>
    {
        XlsxParts.Row(w, 1, ["Arrangement", "Partners", "Service area", .. Enumerable.Range(4, 5_000).Select(i => $"Extra {i}")]);
        XlsxParts.Row(w, 2, "Shared legal", "Essex County Council; Slough Borough Council", "Legal");
    });

    private static byte[] FiveRows() => new WorkbookBuilder().TemplateSheet("Arrangements",
        [.. Enumerable.Range(1, 5).Select(i => WorkbookBuilder.Row($"Arrangement {i}", "Essex County Council; Slough Borough Council"))]).Build();

    private static byte[] LongCell() => new WorkbookBuilder().TemplateSheet("Arrangements",
        WorkbookBuilder.Row(new string('x', 32_767), "Essex County Council; Slough Borough Council")).Build();
}
