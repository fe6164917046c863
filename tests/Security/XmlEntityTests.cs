using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Xml;
using SharedServicesPipeline.Pipeline;
using SharedServicesPipeline.Pipeline.Reading;
using SharedServicesPipeline.Pipeline.Submissions;
using SharedServicesPipeline.Tests.Intake;
using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.Security;

/// <summary>
/// XML parsing never resolves external entities or DTDs, in any part of a workbook, through the reader or the whole
/// ingest: a local file's secret never surfaces in a row, problem, report, outcome or the mart, and no URL is called.
/// Entity expansion ends quickly as a clear rejection. (Two XML parsers read submissions: our .xlsx reader's XmlReader
/// (pipeline/Reading/OpenXml, DTDs prohibited) and ExcelDataReader's for .xls and as the tests' oracle; ClosedXML only writes.)
/// </summary>
public sealed class XmlEntityTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    public static TheoryData<string, string> PartsAndTargets
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var part in EntityWorkbooks.Parts)
            {
                data.Add(part, "file");
                data.Add(part, "http");
            }

            return data;
        }
    }

    public static TheoryData<string> Parts => new(EntityWorkbooks.Parts);

    [Theory]
    [MemberData(nameof(PartsAndTargets))]
    public async Task An_external_entity_is_never_resolved_and_the_workbook_is_rejected_for_its_doctype(string part, string target)
    {
        using var secrets = new TempFolder("ssp-secret-");
        var marker = $"SSP-SECRET-{Guid.NewGuid():N}";
        await File.WriteAllTextAsync(secrets.File("secret.txt"), marker);
        await using var recorder = new ConnectionRecorder();
        var url = target == "file" ? new Uri(secrets.File("secret.txt")).AbsoluteUri : recorder.Url("entity");
        var workbook = EntityWorkbooks.ExternalEntity(part, url, recorder.Url("external.dtd"));

        var read = await ReadAsync(workbook);
        await using var mart = await TestMart.CreateAsync(IntakeRegister.Use);
        var outcome = await mart.IngestAsync(new MemoryStream(workbook), "entity.xlsx").WaitAsync(Bound);

        Assert.DoesNotContain(marker, string.Join('\n', read.Rows.SelectMany(r => r.Cells).Select(CellText.Of)), StringComparison.Ordinal);
        Assert.DoesNotContain(marker, string.Join('\n', read.Problems), StringComparison.Ordinal);
        Assert.DoesNotContain(marker, JsonSerializer.Serialize(outcome), StringComparison.Ordinal);
        Assert.Empty(FilesHolding(marker, mart.Folder));
        Assert.Empty(recorder.Requests);
        AssertRejectedForDoctype(read.Problems, part);
        Assert.Equal(SubmissionDisposition.Rejected, outcome.Disposition);
        AssertRejectedForDoctype(outcome.Problems, part);
    }

    [Theory]
    [MemberData(nameof(Parts))]
    public async Task A_billion_laughs_ends_at_once_as_a_rejection_without_expanding(string part)
    {
        var workbook = EntityWorkbooks.BillionLaughs(part);

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var read = new SubmissionReader(new IntakeOptions(), HeaderSynonyms.BuiltIn).Read(new MemoryStream(workbook), "laughs.xlsx");
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        await using var mart = await TestMart.CreateAsync(IntakeRegister.Use);
        var outcome = await mart.IngestAsync(new MemoryStream(workbook), "laughs.xlsx").WaitAsync(Bound);

        AssertRejectedForDoctype(read.Problems, part);
        Assert.True(allocated < 64L * 1024 * 1024, $"reading allocated {allocated:N0} bytes");
        Assert.Equal(SubmissionDisposition.Rejected, outcome.Disposition);
        AssertRejectedForDoctype(outcome.Problems, part);
    }

    [Fact]
    public async Task The_crafted_entities_do_read_the_file_and_call_the_listener_when_a_parser_resolves_them()
    {
        // The control: a parser that resolves entities shows the secret and calls out, so the tests above can fail.
        using var secrets = new TempFolder("ssp-secret-");
        var marker = $"SSP-SECRET-{Guid.NewGuid():N}";
        await File.WriteAllTextAsync(secrets.File("secret.txt"), marker);
        await File.WriteAllTextAsync(secrets.File("empty.dtd"), "");
        await using var recorder = new ConnectionRecorder();

        var fromFile = ResolvingParse(EntityWorkbooks.ExternalEntity(XlsxPackage.SharedStrings, new Uri(secrets.File("secret.txt")).AbsoluteUri, new Uri(secrets.File("empty.dtd")).AbsoluteUri));
        var overHttp = Record.Exception(() => ResolvingParse(EntityWorkbooks.ExternalEntity(XlsxPackage.SharedStrings, recorder.Url("entity"), recorder.Url("external.dtd"))));

        Assert.Contains(marker, fromFile, StringComparison.Ordinal);
        Assert.NotNull(overHttp); // the recorder hangs up without answering
        Assert.Contains("GET /external.dtd HTTP/1.1", recorder.Requests);
    }

    // Deliberately unsafe: DTDs parsed, entities resolved from files and URLs.
    private static string ResolvingParse(byte[] workbook)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Parse, XmlResolver = new XmlUrlResolver() };
        using var reader = XmlReader.Create(new MemoryStream(XlsxPackage.Open(workbook).Bytes(XlsxPackage.SharedStrings)), settings);
        var text = new StringBuilder();
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Text)
            {
                text.Append(reader.Value);
            }
        }

        return text.ToString();
    }

    private static void AssertRejectedForDoctype(IEnumerable<SubmissionProblem> problems, string part)
    {
        var problem = Assert.Single(problems);
        Assert.Equal((ProblemSeverity.FileError, "file.xml-doctype"), (problem.Severity, problem.Code));
        Assert.Contains($"'{part}'", problem.Message, StringComparison.Ordinal);
        Assert.Contains("save it again", problem.Message, StringComparison.Ordinal);
    }

    // The reader on its own, bounded: it is synchronous, so a hang is outwaited and fails the test.
    private static Task<SubmissionReadResult> ReadAsync(byte[] workbook) =>
        Task.Run(() => new SubmissionReader(new IntakeOptions(), HeaderSynonyms.BuiltIn).Read(new MemoryStream(workbook), "entity.xlsx")).WaitAsync(Bound);

    // Every file the ingest wrote (the mart, its journal, the reports), with zipped ones (report.xlsx) looked inside.
    private static List<string> FilesHolding(string marker, string folder)
    {
        var needle = Encoding.UTF8.GetBytes(marker);
        var found = new List<string>();
        foreach (var path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var bytes = File.ReadAllBytes(path);
            if (bytes.AsSpan().IndexOf(needle) >= 0)
            {
                found.Add(path);
            }
            else if (path.EndsWith(".xlsx", StringComparison.Ordinal))
            {
                using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
                found.AddRange(zip.Entries.Where(e => Inflate(e).AsSpan().IndexOf(needle) >= 0).Select(e => $"{path}!{e.FullName}"));
            }
        }

        return found;
    }

    private static byte[] Inflate(ZipArchiveEntry entry)
    {
        using var content = entry.Open();
        using var copy = new MemoryStream();
        content.CopyTo(copy);
        return copy.ToArray();
    }
}
