using SharedServicesPipeline.Pipeline;
using SharedServicesPipeline.Pipeline.Reporting;
using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.Security;

/// <summary>Names come from submitters (file and blob names); none can write outside its folder.</summary>
public sealed class SafePathTests
{
    public static TheoryData<string> HostileNames => new()
    {
        "../../etc/passwd",
        "..\\..\\windows\\win.ini",
        "/etc/passwd",
        "C:\\temp\\x.xlsx",
        "sub/../../x.xlsx",
        "bad\u0000name\u0007.xlsx",
        "line\r\nbreak.xlsx",
        new string('a', 1000) + ".xlsx",
        "..",
        ".",
        "",
    };

    [Theory]
    [MemberData(nameof(HostileNames))]
    public void A_hostile_name_becomes_a_plain_file_name(string name)
    {
        var safe = SafePath.FileName(name);
        Assert.False(string.IsNullOrWhiteSpace(safe));
        Assert.DoesNotContain('/', safe);
        Assert.DoesNotContain('\\', safe);
        Assert.DoesNotContain("..", safe, StringComparison.Ordinal);
        Assert.True(safe.Length <= 120);
        Assert.DoesNotContain(safe, char.IsControl);
    }

    [Theory]
    [MemberData(nameof(HostileNames))]
    public async Task A_report_for_a_hostile_submission_id_or_name_stays_inside_the_reports_folder(string name)
    {
        using var folder = new TempFolder();
        var reports = Directory.CreateDirectory(folder.File("reports")).FullName;
        var sink = new LocalReportSink(reports);

        await sink.WriteAsync(name, name, "x"u8.ToArray(), CancellationToken.None);

        var written = Assert.Single(Directory.EnumerateFiles(folder.Path, "*", SearchOption.AllDirectories));
        Assert.StartsWith(reports + Path.DirectorySeparatorChar, written, StringComparison.Ordinal);
    }

    [Fact]
    public void Combine_refuses_to_leave_its_root()
    {
        using var folder = new TempFolder();
        Assert.Throws<InvalidOperationException>(() => SafePath.Combine(folder.Path, "..", "x"));
        Assert.Throws<InvalidOperationException>(() => SafePath.Combine(folder.Path, "/etc"));
    }
}
