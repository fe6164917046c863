using System.Text;
using ClosedXML.Excel;
using Microsoft.Extensions.DependencyInjection;
using SharedServicesPipeline.Publishing;
using SharedServicesPipeline.Pipeline.Reading;
using SharedServicesPipeline.Tests.Support;

namespace SharedServicesPipeline.Tests.Extracts;

public sealed class PersonalDataTests
{
    [Fact]
    public async Task Contact_names_and_emails_from_the_samples_reach_no_published_file_in_any_format()
    {
        await using var mart = await TestMart.CreateAsync();
        var reader = mart.Services.GetRequiredService<SubmissionReader>();
        var contacts = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var sample in Directory.GetFiles(RepositoryPaths.Samples).Order(StringComparer.Ordinal))
        {
            await using (var content = File.OpenRead(sample))
            {
                foreach (var row in reader.Read(content, Path.GetFileName(sample)).Rows)
                {
                    foreach (var value in new[] { row.Text(TemplateColumn.ContactName), row.Text(TemplateColumn.ContactEmail) })
                    {
                        if (value is { Length: > 3 })
                        {
                            contacts.Add(value.Trim());
                        }
                    }
                }
            }

            await mart.IngestAsync(sample);
        }

        await mart.QueryAsync(ExtractsMartSeed.SeedAsync);
        await mart.RefreshAsync();
        Assert.True(contacts.Count >= 10, $"the samples carry contacts to look for ({contacts.Count} found)");
        Assert.Contains(contacts, c => c.Contains('@', StringComparison.Ordinal));

        var run = PublishedRun.Latest(mart.ExtractsPath);
        foreach (var file in run.Manifest.Files.Append(new ExtractManifestFile(ExtractManifest.FileName, "", 0, 0, "", [])))
        {
            var text = await TextOfAsync(run, file.Name);
            Assert.False(string.IsNullOrEmpty(text) && file.Rows > 0, $"{file.Name} was read");
            foreach (var contact in contacts)
            {
                Assert.False(text.Contains(contact, StringComparison.OrdinalIgnoreCase), $"{file.Name} contains the contact '{contact}'");
            }
        }
    }

    /// <summary>Every value a person or program would see in the file, as text: cells of a workbook, values of a Parquet file.</summary>
    private static async Task<string> TextOfAsync(PublishedRun run, string name)
    {
        switch (Path.GetExtension(name))
        {
            case ".parquet":
                var parquet = await run.ReadParquetAsync(name);
                return string.Join('\n', parquet.Data.SelectMany(r => r.Values).Select(v => v?.ToString()));
            case ".xlsx":
                using (var workbook = new XLWorkbook(run.PathOf(name)))
                {
                    return string.Join('\n', workbook.Worksheets.SelectMany(w => w.CellsUsed()).Select(c => c.HasFormula ? c.FormulaA1 : c.GetString()));
                }

            default:
                return Encoding.UTF8.GetString(await File.ReadAllBytesAsync(run.PathOf(name)));
        }
    }
}
