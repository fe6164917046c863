using System.Globalization;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SharedServicesPipeline.DataMart;
using SharedServicesPipeline.DataMart.Entities;
using SharedServicesPipeline.Pipeline.Reading;
using SharedServicesPipeline.Pipeline.Validation;

namespace SharedServicesPipeline.Bench.Scenarios;

/// <summary>
/// The way a quick implementation would ingest: ClosedXML loads the whole workbook, each row is mapped and validated
/// on its own (the same validator and matcher as the pipeline, so only reading and loading differ), and each accepted
/// row is added to one long-lived DbContext as a fact with its bridge rows and saved with its own SaveChanges.
/// Its cost grows faster than the rows (each SaveChanges looks at everything tracked so far), so a run stops at a time
/// budget and the rest is extrapolated from how the time grew.
/// </summary>
internal static class NaiveIngest
{
    public static async Task<NaiveRun> RunAsync(BenchMart mart, string path, TimeSpan budget)
    {
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        await using var scope = mart.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MartDbContext>();
        var validator = scope.ServiceProvider.GetRequiredService<ArrangementValidator>();

        var submission = new DimSubmission
        {
            SubmissionId = "naive-" + Path.GetFileNameWithoutExtension(path),
            FileName = Path.GetFileName(path),
            Sha256 = Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N"),
            ReceivedAt = DateTimeOffset.UtcNow,
            PipelineVersion = "naive",
            LoadedAt = DateTimeOffset.UtcNow,
        };
        db.Submissions.Add(submission);
        await db.SaveChangesAsync();

        var authorities = await db.Authorities.Where(a => a.IsCurrent && a.AuthorityKey > 0).ToDictionaryAsync(a => a.AuthorityCode, a => a.AuthorityKey);
        var areas = await db.ServiceAreas.ToDictionaryAsync(a => a.ServiceArea, StringComparer.OrdinalIgnoreCase);
        var profiles = await db.Profiles.ToDictionaryAsync(p => (p.Status, p.Governance, p.DeliveryModel));
        var dates = (await db.Dates.Select(d => d.DateKey).ToListAsync()).ToHashSet();

        using var workbook = new XLWorkbook(path);
        var sheet = workbook.Worksheets.First();
        var columns = new Dictionary<int, TemplateColumn>();
        var headers = sheet.Row(1).CellsUsed().Select(c => c.GetString()).ToList();
        var layout = new SheetLayout(sheet.Name, 1, headers);
        var index = 0;
        foreach (var cell in sheet.Row(1).CellsUsed())
        {
            if (HeaderSynonyms.BuiltIn.Resolve(cell.GetString()) is { } column)
            {
                columns[cell.Address.ColumnNumber] = column;
                layout.Add(index, column);
            }

            index++;
        }

        var total = sheet.RowsUsed().Count() - 1;
        var rowsFrom = stopwatch.Elapsed.TotalMilliseconds;
        var halfway = (Rows: 0, Ms: 0.0);
        int read = 0, loaded = 0;
        foreach (var xlRow in sheet.RowsUsed().Skip(1))
        {
            if (stopwatch.Elapsed > budget)
            {
                break;
            }

            if (halfway.Rows == 0 && stopwatch.Elapsed > budget / 2)
            {
                halfway = (read, stopwatch.Elapsed.TotalMilliseconds - rowsFrom);
            }

            read++;
            var row = new SubmissionRow(layout, xlRow.RowNumber(), new object?[headers.Count]);
            foreach (var (number, column) in columns)
            {
                var cell = xlRow.Cell(number);
                row[column] = cell.IsEmpty() ? null : cell.Value;
            }

            var verdict = validator.Validate(row);
            if (verdict.Record is not { } record)
            {
                continue;
            }

            if (!areas.TryGetValue(record.ServiceArea.Name, out var area))
            {
                areas[record.ServiceArea.Name] = area = new DimServiceArea { ServiceArea = record.ServiceArea.Name, Category = record.ServiceArea.Category };
                db.ServiceAreas.Add(area);
                await db.SaveChangesAsync();
            }

            var profileKey = (record.Status ?? "Not stated", record.Governance ?? "Not stated", record.DeliveryModel ?? "Not stated");
            if (!profiles.TryGetValue(profileKey, out var profile))
            {
                profiles[profileKey] = profile = new DimArrangementProfile { Status = profileKey.Item1, Governance = profileKey.Item2, DeliveryModel = profileKey.Item3 };
                db.Profiles.Add(profile);
                await db.SaveChangesAsync();
            }

            var fact = new FactArrangement
            {
                ArrangementId = "NAIVE-" + read.ToString("D8", CultureInfo.InvariantCulture),
                IdentityKey = "naive|" + record.Reference + "|" + read.ToString(CultureInfo.InvariantCulture),
                Reference = record.Reference,
                Title = record.Title,
                Category = record.Category,
                Description = record.Description,
                ServiceAreaKey = area.ServiceAreaKey,
                ProfileKey = profile.ProfileKey,
                StartDateKey = DateKey(db, dates, record.StartDate),
                StartDateIsApproximate = record.StartDateIsApproximate,
                EndDateKey = DateKey(db, dates, record.EndDate),
                Status = record.Status,
                Governance = record.Governance,
                DeliveryModel = record.DeliveryModel,
                AnnualSavingsGbp = record.AnnualSavings,
                SavingsToDateGbp = record.SavingsToDate,
                PartnerCount = record.Partners.Count,
                CouncilCount = record.Partners.Count(p => p.IsCouncil),
                LeadAuthorityKey = record.Lead is { } lead && authorities.TryGetValue(lead.Code, out var leadKey) ? leadKey : -1,
                SubmissionKey = submission.SubmissionKey,
                FirstSubmissionKey = submission.SubmissionKey,
                Version = 1,
                ContentHash = record.GetHashCode().ToString("x8", CultureInfo.InvariantCulture),
            };
            foreach (var partner in record.Partners.Where(p => authorities.ContainsKey(p.Code)).DistinctBy(p => p.Code))
            {
                fact.Partners.Add(new BridgeArrangementPartner { AuthorityKey = authorities[partner.Code], IsLead = partner.Code == record.Lead?.Code });
            }

            db.Arrangements.Add(fact);
            await db.SaveChangesAsync();
            loaded++;
        }

        var ms = stopwatch.Elapsed.TotalMilliseconds;
        return new NaiveRun(read, loaded, total, read == total, ms, read == total ? ms : rowsFrom + Extrapolate(halfway, (read, ms - rowsFrom), total));
    }

    /// <summary>Time for <paramref name="rows"/> rows from two points of a run, fitting t = a·n + b·n² (b ≥ 0).</summary>
    internal static double Extrapolate((int Rows, double Ms) first, (int Rows, double Ms) second, int rows)
    {
        if (first.Rows <= 0 || second.Rows <= first.Rows)
        {
            return second.Ms * rows / Math.Max(1, second.Rows);
        }

        var b = Math.Max(0, ((second.Ms / second.Rows) - (first.Ms / first.Rows)) / (second.Rows - first.Rows));
        var a = (second.Ms / second.Rows) - (b * second.Rows);
        return (a * rows) + (b * rows * (double)rows);
    }

    private static int DateKey(MartDbContext db, HashSet<int> known, DateOnly? date)
    {
        if (date is not { } d)
        {
            return -1;
        }

        var key = (d.Year * 10000) + (d.Month * 100) + d.Day;
        if (known.Add(key))
        {
            var fyStart = d.Month >= 4 ? d.Year : d.Year - 1;
            db.Dates.Add(new DimDate
            {
                DateKey = key,
                Date = d,
                Year = d.Year,
                Quarter = ((d.Month - 1) / 3) + 1,
                Month = d.Month,
                MonthName = d.ToString("MMMM", CultureInfo.InvariantCulture),
                FinancialYear = string.Create(CultureInfo.InvariantCulture, $"{fyStart}/{(fyStart + 1) % 100:00}"),
                FinancialYearStart = fyStart,
            });
        }

        return key;
    }
}

/// <summary>A naive run: how far it got within its budget, and the whole file's time (measured, or extrapolated when it stopped).</summary>
internal sealed record NaiveRun(int Read, int Loaded, int Rows, bool Completed, double Ms, double WholeFileMs);
