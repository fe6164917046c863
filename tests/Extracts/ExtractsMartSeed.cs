using Microsoft.EntityFrameworkCore;
using SharedServicesPipeline.DataMart;
using SharedServicesPipeline.DataMart.Entities;

namespace SharedServicesPipeline.Tests.Extracts;

/// <summary>
/// Arrangements written straight into a real mart, so that the extract tests do not depend on the register or the
/// matcher: two-tier, cross-sector, Welsh, an abolished council, an unlocated partner and two titles that a
/// spreadsheet would run as formulas. Authorities already in the mart (from the register) are reused by code.
/// </summary>
internal static class ExtractsMartSeed
{
    public const string MaliciousTitle = "=HYPERLINK(\"http://evil.example/steal\",\"Click for savings\")";
    public const string PlusTitle = "+44 shared waste round";

    public static readonly (string Code, string Name, string Type, string Tier, string Sector, string? Region, string? Nation, double? Lat, double? Lon, DateOnly? Until)[] Authorities =
    [
        ("E07000143", "Breckland District Council", "district", "lower", "council", "East of England", "England", 52.5885, 0.8250, null),
        ("E07000140", "South Holland District Council", "district", "lower", "council", "East Midlands", "England", 52.7860, -0.0530, null),
        ("E10000003", "Cambridgeshire County Council", "county", "upper", "council", "East of England", "England", 52.3000, 0.0500, null),
        ("E10000021", "Northamptonshire County Council", "county", "upper", "council", "East Midlands", "England", 52.2700, -0.9000, new DateOnly(2021, 3, 31)),
        ("E06000054", "Wiltshire Council", "unitary", "single", "council", "South West", "England", 51.3300, -1.9300, null),
        ("E07000079", "Cotswold District Council", "district", "lower", "council", "South West", "England", 51.7600, -1.8600, null),
        ("E07000181", "West Oxfordshire District Council", "district", "lower", "council", "South East", "England", 51.8000, -1.5300, null),
        ("W06000023", "Powys County Council", "welsh_council", "single", "council", "Wales", "Wales", 52.3500, -3.4000, null),
        ("E23000031", "Wiltshire Police", "police", "other", "police", "South West", "England", 51.3500, -1.9900, null),
        ("X99000001", "National Shared Services Body", "other", "other", "other", null, null, null, null, null),
    ];

    /// <summary>Seeds the authorities, a submission and six arrangements; returns the submission id (the watermark).</summary>
    public static async Task<string> SeedAsync(MartDbContext db)
    {
        var keys = new Dictionary<string, int>();
        foreach (var a in Authorities)
        {
            var existing = await db.Authorities.Where(x => x.AuthorityCode == a.Code).OrderByDescending(x => x.ValidFrom).FirstOrDefaultAsync();
            if (existing is null)
            {
                existing = new DimAuthority
                {
                    AuthorityCode = a.Code,
                    Name = a.Name,
                    ShortName = a.Name.Split(' ')[0],
                    AuthorityType = a.Type,
                    TierLevel = a.Tier,
                    Sector = a.Sector,
                    Region = a.Region,
                    Nation = a.Nation,
                    Latitude = a.Lat,
                    Longitude = a.Lon,
                    ExistedFrom = new DateOnly(1974, 4, 1),
                    ExistedTo = a.Until,
                    ValidFrom = new DateOnly(1974, 4, 1),
                    IsCurrent = a.Until is null,
                    RowHash = "seed-" + a.Code,
                };
                db.Authorities.Add(existing);
                await db.SaveChangesAsync();
            }

            keys[a.Code] = existing.AuthorityKey;
        }

        var submission = new DimSubmission
        {
            SubmissionId = "20261128-seed00000001",
            FileName = "seed.xlsx",
            Sha256 = new string('a', 64),
            ReceivedAt = new DateTimeOffset(2026, 11, 28, 9, 30, 15, TimeSpan.Zero),
            Submitter = "seed",
            RowsRead = 6,
            RowsAccepted = 6,
            PipelineVersion = "test",
            LoadedAt = new DateTimeOffset(2026, 11, 28, 9, 31, 0, TimeSpan.Zero),
        };
        db.Submissions.Add(submission);
        await db.SaveChangesAsync();

        await AddArrangementAsync(db, submission.SubmissionKey, "SEED-1", "Breckland and South Holland shared chief executive", "Shared chief executive",
            ["E07000143", "E07000140"], "E07000143", new DateOnly(2010, 8, 1), 500_000m, 1_500_000m, keys);
        await AddArrangementAsync(db, submission.SubmissionKey, "SEED-2", "LGSS back office", "Finance",
            ["E10000003", "E10000021"], "E10000021", new DateOnly(2010, 10, 1), 9_000_000m, null, keys);
        await AddArrangementAsync(db, submission.SubmissionKey, "SEED-3", MaliciousTitle, "Legal",
            ["E07000079", "E07000181", "E06000054"], "E07000079", new DateOnly(2012, 4, 1), 123_456.78m, 250_000m, keys);
        await AddArrangementAsync(db, submission.SubmissionKey, "SEED-4", "Wiltshire community safety partnership", "Community safety",
            ["E06000054", "E23000031"], null, new DateOnly(2015, 1, 1), null, null, keys);
        await AddArrangementAsync(db, submission.SubmissionKey, "SEED-5", "Powys and Breckland ICT", "ICT",
            ["W06000023", "E07000143"], "W06000023", null, 75_000.50m, 10_000m, keys);
        await AddArrangementAsync(db, submission.SubmissionKey, "SEED-6", PlusTitle, "Waste collection",
            ["X99000001", "E07000143"], null, new DateOnly(2019, 4, 1), 20_000m, null, keys);
        return submission.SubmissionId;
    }

    /// <summary>One more arrangement, so that the next refresh has something new to publish.</summary>
    public static async Task AddArrangementAsync(MartDbContext db, string reference, decimal annualSavings)
    {
        var submissionKey = await db.Submissions.Where(s => s.SubmissionKey > 0).MaxAsync(s => s.SubmissionKey);
        var keys = await db.Authorities.Where(a => a.AuthorityCode == "E07000143" || a.AuthorityCode == "E07000140")
            .ToDictionaryAsync(a => a.AuthorityCode, a => a.AuthorityKey);
        await AddArrangementAsync(db, submissionKey, reference, "Shared legal service " + reference, "Legal",
            ["E07000143", "E07000140"], "E07000140", new DateOnly(2020, 4, 1), annualSavings, null, keys);
    }

    private static async Task AddArrangementAsync(
        MartDbContext db, int submissionKey, string reference, string title, string serviceArea, string[] partners, string? lead,
        DateOnly? start, decimal? annual, decimal? toDate, Dictionary<string, int> keys)
    {
        var area = await db.ServiceAreas.SingleAsync(s => s.ServiceArea == serviceArea);
        var sectors = Authorities.Where(a => partners.Contains(a.Code)).ToList();
        var fact = new FactArrangement
        {
            ArrangementId = "arr-" + reference.ToLowerInvariant(),
            IdentityKey = "seed|" + reference,
            Reference = reference,
            Title = title,
            Category = area.Category,
            Description = "Seeded for the extract tests.",
            ServiceAreaKey = area.ServiceAreaKey,
            ProfileKey = -1,
            StartDateKey = start is { } s ? (s.Year * 10000) + (s.Month * 100) + s.Day : -1,
            EndDateKey = -1,
            Status = "Live",
            AnnualSavingsGbp = annual,
            SavingsToDateGbp = toDate,
            PartnerCount = partners.Length,
            CouncilCount = sectors.Count(a => a.Sector == "council"),
            IsCrossTier = sectors.Select(a => a.Tier).Where(t => t != "other").Distinct().Count() > 1,
            IsCrossSector = sectors.Any(a => a.Sector != "council"),
            MaxPartnerDistanceKm = 42.5,
            LeadAuthorityKey = lead is null ? -1 : keys[lead],
            SubmissionKey = submissionKey,
            FirstSubmissionKey = submissionKey,
            Version = 1,
            ContentHash = new string('c', 64),
            Partners = [.. partners.Select(code => new BridgeArrangementPartner { AuthorityKey = keys[code], IsLead = code == lead })],
        };
        db.Arrangements.Add(fact);
        await db.SaveChangesAsync();
        db.ArrangementHistory.Add(new FactArrangementHistory
        {
            ArrangementKey = fact.ArrangementKey,
            Title = title,
            Category = area.Category,
            Version = 1,
            SubmissionKey = submissionKey,
            StartDateKey = fact.StartDateKey,
            EndDateKey = fact.EndDateKey,
            ProfileKey = fact.ProfileKey,
            LeadAuthorityKey = fact.LeadAuthorityKey,
            CouncilCount = fact.CouncilCount,
            ServiceAreaKey = fact.ServiceAreaKey,
            Status = fact.Status,
            AnnualSavingsGbp = annual,
            SavingsToDateGbp = toDate,
            PartnerCount = partners.Length,
            ContentHash = fact.ContentHash,
            RecordedAt = new DateTimeOffset(2026, 11, 28, 9, 31, 0, 250, TimeSpan.Zero),
        });
        await db.SaveChangesAsync();
    }
}
