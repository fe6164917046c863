using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SharedServicesPipeline.DataMart.Entities;

namespace SharedServicesPipeline.DataMart;

/// <summary>Keeps the calendar continuous over every date in the data (and a base range), one row a day.</summary>
internal static class DateDimension
{
    public static readonly DateOnly BaseFrom = new(2000, 1, 1);
    public static readonly DateOnly BaseTo = new(2030, 12, 31);

    public static int KeyOf(DateOnly? date) => date is { } d ? (d.Year * 10000) + (d.Month * 100) + d.Day : UnknownMembers.Key;

    public static DimDate Row(DateOnly date)
    {
        var fyStart = date.Month >= 4 ? date.Year : date.Year - 1;
        return new DimDate
        {
            DateKey = KeyOf(date),
            Date = date,
            Year = date.Year,
            Quarter = ((date.Month - 1) / 3) + 1,
            Month = date.Month,
            MonthName = date.ToString("MMMM", CultureInfo.InvariantCulture),
            FinancialYear = FinancialYear(fyStart),
            FinancialYearStart = fyStart,
        };
    }

    public static string FinancialYear(int startYear) => string.Create(CultureInfo.InvariantCulture, $"{startYear}/{(startYear + 1) % 100:00}");

    /// <summary>Adds the missing days so the calendar covers <paramref name="from"/>..<paramref name="to"/> without gaps.</summary>
    public static async Task EnsureCoversAsync(MartDbContext db, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var known = await db.Dates.Where(d => d.DateKey > 0).Select(d => (int?)d.DateKey).ToListAsync(cancellationToken);
        var min = known.Count == 0 ? (DateOnly?)null : FromKey(known.Min()!.Value);
        var max = known.Count == 0 ? (DateOnly?)null : FromKey(known.Max()!.Value);
        var wantFrom = min is { } m && m < from ? m : from;
        var wantTo = max is { } x && x > to ? x : to;
        var existing = known.ToHashSet();
        for (var day = wantFrom; day <= wantTo; day = day.AddDays(1))
        {
            if (!existing.Contains(KeyOf(day)))
            {
                db.Dates.Add(Row(day));
            }
        }
    }

    private static DateOnly FromKey(int key) => new(key / 10000, key / 100 % 100, key % 100);
}
