using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SharedServicesPipeline.Pipeline;
using SharedServicesPipeline.Publishing;
using SharedServicesPipeline.Pipeline.Reading;
using SharedServicesPipeline.Tests.Support;
using static SharedServicesPipeline.Tests.Support.WorkbookBuilder;

namespace SharedServicesPipeline.Tests.Security;

/// <summary>Contact names and emails from submissions reach no log line: every level, every structured value, every scope and exception.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class LogPersonalDataTests
{
    [Fact]
    public async Task Contact_names_and_emails_appear_in_no_log_line_over_ingests_with_failing_rows_and_a_refresh()
    {
        var log = new CapturedLog();
        await using var host = await FunctionsHost.StartAsync(configure: s => s.AddLogging(l => l.SetMinimumLevel(LogLevel.Trace).AddProvider(log)));

        // Contacts on good rows, on rows that fail validation (bad date, bad money, no partners), on a held row
        // (a partner no register knows) and in a file rejected whole (a required column missing).
        var failing = SubmissionCsv.Build(
            Row("Joint legal service", "Essex County Council; Brentwood Borough Council", start: "01/04/2015", contactName: "Perpetua Quillfeather", contactEmail: "perpetua.quillfeather@essex.example.gov.uk"),
            Row("Shared audit", "Essex County Council; Brentwood Borough Council", start: "31/02/2015", contactName: "Barnaby Thistlewood", contactEmail: "b.thistlewood@brentwood.example.gov.uk"),
            Row("Shared payroll", "Essex County Council; Brentwood Borough Council", annualSavings: "lots", contactName: "Ottoline Wrexhamshire", contactEmail: "ottoline.w@essex.example.gov.uk"),
            Row("Shared nothing", "", contactName: "Cuthbert Ravenscroft-Ng", contactEmail: "cuthbert@nowhere.example.org"),
            Row("Shared parks", "Essex County Council; Frobisher Hollow Parish Trust", contactName: "Wilhelmina Oyelaran", contactEmail: "w.oyelaran@frobisher.example.org"));
        var rejected = CsvBuilder.Build(CsvBuilder.Encoding.Utf8,
            ["Arrangement", "Contact name", "Contact email"],
            ["Shared CCTV", "Isambard Pettigrew", "isambard.pettigrew@dover.example.gov.uk"]);
        var files = new List<(string Name, byte[] Bytes)> { ("contacts-failing.csv", failing), ("contacts-rejected.csv", rejected) };
        foreach (var sample in Directory.GetFiles(RepositoryPaths.Samples).Order(StringComparer.Ordinal))
        {
            files.Add((Path.GetFileName(sample), await File.ReadAllBytesAsync(sample)));
        }

        var contacts = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "Perpetua Quillfeather", "perpetua.quillfeather@essex.example.gov.uk", "Barnaby Thistlewood", "b.thistlewood@brentwood.example.gov.uk",
            "Ottoline Wrexhamshire", "ottoline.w@essex.example.gov.uk", "Cuthbert Ravenscroft-Ng", "cuthbert@nowhere.example.org",
            "Wilhelmina Oyelaran", "w.oyelaran@frobisher.example.org", "Isambard Pettigrew", "isambard.pettigrew@dover.example.gov.uk",
        };
        var reader = host.Services.GetRequiredService<SubmissionReader>();
        foreach (var (name, bytes) in files)
        {
            foreach (var row in reader.Read(new MemoryStream(bytes), name).Rows)
            {
                foreach (var value in new[] { row.Text(TemplateColumn.ContactName), row.Text(TemplateColumn.ContactEmail) })
                {
                    if (value is { Length: > 3 })
                    {
                        contacts.Add(value.Trim());
                    }
                }
            }

            await host.DropAsync(name, bytes);
            Assert.Null(await BlobDelivery.DeliverAsync(host, name));
        }

        // Again, so the duplicate path logs too; then a refresh publishes everything.
        await host.DropAsync("contacts-failing (again).csv", failing);
        Assert.Null(await BlobDelivery.DeliverAsync(host, "contacts-failing (again).csv"));
        var refresh = await host.InScopeAsync(sp => sp.GetRequiredService<ExtractRefresher>().RefreshAsync(CancellationToken.None));
        Assert.Equal(RefreshStatus.Succeeded, refresh.Status);

        Assert.True(contacts.Count >= 20, $"the files carry contacts to look for ({contacts.Count} found)");
        var entries = log.Entries;
        Assert.Contains(entries, e => e.Level == LogLevel.Debug);
        Assert.Contains(entries, e => e.Text.Contains("FileName=contacts-failing.csv", StringComparison.Ordinal)); // structured values are seen
        foreach (var (level, text) in entries)
        {
            foreach (var contact in contacts)
            {
                Assert.False(text.Contains(contact, StringComparison.OrdinalIgnoreCase), $"A {level} log line carries the contact '{contact}': {text}");
            }
        }
    }
}
