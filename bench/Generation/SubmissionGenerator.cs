using System.Globalization;
using SharedServicesPipeline.Pipeline.Reference;

namespace SharedServicesPipeline.Bench.Generation;

/// <summary>
/// Makes realistic submissions, the same for the same seed: 2–6 partners from one region of the register (spelled
/// cleanly or messily), every template column filled, dates and money written the many ways councils write them.
/// </summary>
internal sealed class SubmissionGenerator
{
    public static readonly string[] TemplateHeader =
    [
        "Reference", "Arrangement", "Partners", "Lead authority", "Service area", "Arrangement type", "Description",
        "Start date", "End date", "Status", "Annual savings (£)", "Savings to date (£)", "Governance", "Delivery model",
        "Contact name", "Contact email",
    ];

    private static readonly (string Text, string Type)[] Services =
    [
        ("Legal", "Back office"), ("Legal services", "Back office"), ("ICT", "Back office"), ("IT services", "Back office"),
        ("HR", "Back office"), ("HR and payroll", "Back office"), ("Finance", "Back office"), ("Internal audit", "Back office"),
        ("Procurement", "Back office"), ("Revenues and benefits", "Back office"), ("Revs and bens", "Back office"),
        ("Emergency planning", "Back office"), ("Shared chief executive", "Shared management"), ("Shared management team", "Shared management"),
        ("Customer contact centre", "Front office"), ("Libraries", "Front office"), ("Housing options", "Front office"),
        ("Waste collection", "Front office"), ("Refuse and recycling", "Front office"), ("Planning", "Front office"),
        ("Building control", "Front office"), ("Environmental health", "Front office"), ("Trading standards", "Front office"),
        ("Adult social care", "Front office"), ("Children's services", "Front office"), ("Parking", "Front office"),
        ("Licensing", "Front office"), ("CCTV", "Front office"),
    ];

    private static readonly string[][] Statuses = [["Live", "live", "Operational", "In place"], ["Planned", "Proposed", "In development"], ["Ended", "Ceased"]];
    private static readonly string[] Governances = ["Joint committee", "Joint Committee", "Lead authority (s101)", "Section 101 lead council", "Teckal company", "Company (Ltd)", "Partnership agreement", "MoU"];
    private static readonly string[] DeliveryModels = ["Shared in-house", "In-house shared service", "Commissioning", "Co-operative", "Mutual", "Social enterprise", "Outsourced", "Outsourced contract"];
    private static readonly string[] Separators = ["; ", "; ", "; ", "\n", ";", " ; "];
    private static readonly string[] FirstNames = ["Sarah", "James", "Aisha", "Tom", "Priya", "Gareth", "Helen", "Mohammed", "Claire", "Owen", "Fiona", "Raj"];
    private static readonly string[] LastNames = ["Smith", "Jones", "Patel", "Williams", "Brown", "Khan", "Taylor", "Evans", "Walker", "Hughes", "Clarke", "Ahmed"];
    private static readonly DateTime FirstStart = new(2004, 4, 1);

    private readonly Random _random;
    private readonly double _messyShare;
    private readonly string _tag;
    private readonly List<Authority> _councils;
    private readonly Dictionary<string, List<Authority>> _byArea;

    /// <param name="register">Where partners come from.</param>
    /// <param name="seed">The same seed makes the same rows.</param>
    /// <param name="messyShare">Share of partner names spelled messily (0 = official names only).</param>
    public SubmissionGenerator(IReadOnlyList<Authority> register, int seed, double messyShare = 0.35)
    {
        if (register.Count(a => a.IsCouncil) < 2)
        {
            throw new ArgumentException("The register has fewer than two councils to draw partners from.", nameof(register));
        }

        _random = new Random(seed);
        _messyShare = messyShare;
        _tag = "B" + seed.ToString("X", CultureInfo.InvariantCulture);
        _councils = [.. register.Where(a => a.IsCouncil)];
        _byArea = register.GroupBy(AreaOf).ToDictionary(g => g.Key, g => g.ToList());
    }

    public int MessyNames { get; private set; }

    public int PartnerNames { get; private set; }

    /// <summary>Writes a submission of <paramref name="rows"/> arrangements under the template header.</summary>
    public void WriteXlsx(Stream output, int rows)
    {
        using var writer = new XlsxStreamWriter(output);
        writer.WriteRow(TemplateHeader);
        for (var i = 1; i <= rows; i++)
        {
            writer.WriteRow(NextRow(i));
        }
    }

    public void WriteXlsx(string path, int rows)
    {
        using var file = File.Create(path);
        WriteXlsx(file, rows);
    }

    /// <summary>One arrangement in template column order.</summary>
    public object?[] NextRow(int number)
    {
        var start = FirstStart.AddDays(_random.Next(20 * 365));
        var partners = PickPartners(DateOnly.FromDateTime(start), 2 + _random.Next(5));
        var lead = partners[0];
        var (service, type) = Services[_random.Next(Services.Length)];
        var years = 1 + _random.Next(10);
        var end = start.AddYears(years).AddDays(-1);
        var annual = Math.Round(5_000 + (_random.NextDouble() * _random.NextDouble() * 2_000_000), 0);
        var toDate = Math.Round(annual * (1 + _random.Next(years)), 0);
        var contactFirst = FirstNames[_random.Next(FirstNames.Length)];
        var contactLast = LastNames[_random.Next(LastNames.Length)];
        var leadShort = MessySpelling.ShortName(lead);
        var others = string.Join(" and ", partners.Skip(1).Take(2).Select(MessySpelling.ShortName));
        var statusGroup = start.AddYears(years) < new DateTime(2026, 4, 1) && _random.Next(3) == 0 ? 2 : start > new DateTime(2023, 1, 1) ? 1 : 0;

        return
        [
            $"{_tag}/{number:D6}",
            _random.Next(3) switch
            {
                0 => $"{leadShort} and {others} shared {service.ToLowerInvariant()}",
                1 => $"Joint {service.ToLowerInvariant()} service",
                _ => $"{service} partnership ({leadShort})",
            },
            string.Join(Separators[_random.Next(Separators.Length)], partners.Select(Spell)),
            Spell(lead),
            service,
            type,
            $"{partners.Count} councils share one {service.ToLowerInvariant()} team hosted by {leadShort}, with a single manager, " +
                $"common systems and a cost split agreed each year; reference {number}.",
            Date(start),
            Date(end),
            Statuses[statusGroup][_random.Next(Statuses[statusGroup].Length)],
            Money(annual),
            Money(toDate),
            Governances[_random.Next(Governances.Length)],
            DeliveryModels[_random.Next(DeliveryModels.Length)],
            $"{contactFirst} {contactLast}",
            $"{contactFirst.ToLowerInvariant()}.{contactLast.ToLowerInvariant()}@{Slug(leadShort)}.gov.uk",
        ];
    }

    private List<Authority> PickPartners(DateOnly on, int count)
    {
        var anchor = Existing(_councils, on) ?? _councils[_random.Next(_councils.Count)];
        var pool = _byArea[AreaOf(anchor)];
        var partners = new List<Authority> { anchor };
        for (var attempt = 0; partners.Count < count && attempt < count * 8; attempt++)
        {
            var candidate = attempt < count * 6 ? pool[_random.Next(pool.Count)] : _councils[_random.Next(_councils.Count)];
            if (!partners.Contains(candidate) && candidate.ExistedOn(on))
            {
                partners.Add(candidate);
            }
        }

        return partners.Count >= 2 ? partners : [anchor, _councils.First(c => c != anchor)];
    }

    private Authority? Existing(List<Authority> from, DateOnly on)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var candidate = from[_random.Next(from.Count)];
            if (candidate.ExistedOn(on))
            {
                return candidate;
            }
        }

        return null;
    }

    private string Spell(Authority authority)
    {
        PartnerNames++;
        if (_random.NextDouble() < _messyShare)
        {
            MessyNames++;
            return MessySpelling.Messy(authority, _random);
        }

        return _messyShare == 0 ? authority.Name : MessySpelling.Clean(authority, _random);
    }

    // Dates as Excel dates mostly, else as text in the forms the validator reads (some of them approximate).
    private object Date(DateTime date) => _random.Next(20) switch
    {
        < 10 => date,
        < 14 => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        < 16 => date.ToString("d MMM yyyy", CultureInfo.InvariantCulture),
        16 => date.ToString("MMMM yyyy", CultureInfo.InvariantCulture),
        17 => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        18 => string.Create(CultureInfo.InvariantCulture, $"{FinancialYearStart(date)}/{(FinancialYearStart(date) + 1) % 100:00}"),
        _ => (double)FinancialYearStart(date),
    };

    private object Money(double pounds) => _random.Next(20) switch
    {
        < 8 => pounds,
        < 11 => pounds.ToString("£#,##0", CultureInfo.InvariantCulture),
        < 13 => pounds >= 1_000_000 ? (pounds / 1_000_000).ToString("£0.0m", CultureInfo.InvariantCulture) : (pounds / 1_000).ToString("£0k", CultureInfo.InvariantCulture),
        13 => "c. " + pounds.ToString("£#,##0", CultureInfo.InvariantCulture),
        < 17 => pounds.ToString("0", CultureInfo.InvariantCulture),
        17 => pounds.ToString("£ #,##0.00", CultureInfo.InvariantCulture),
        18 => pounds.ToString("#,##0", CultureInfo.InvariantCulture) + " pa",
        _ => pounds.ToString("£#,##0", CultureInfo.InvariantCulture) + " per annum",
    };

    private static int FinancialYearStart(DateTime date) => date.Month >= 4 ? date.Year : date.Year - 1;

    private static string AreaOf(Authority authority) => authority.Region ?? authority.Nation ?? "";

    private static string Slug(string name) => new([.. name.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit)]);
}
