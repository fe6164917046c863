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
        var days = db.Dates.Where(d => d.DateKey != UnknownMembers.Key);
        var count = await days.CountAsync(cancellationToken);
        var min = count == 0 ? (DateOnly?)null : FromKey(await days.MinAsync(d => d.DateKey, cancellationToken));
        var max = count == 0 ? (DateOnly?)null : FromKey(await days.MaxAsync(d => d.DateKey, cancellationToken));
        var wantFrom = min is { } m && m < from ? m : from;
        var wantTo = max is { } x && x > to ? x : to;
        // The usual case, cheap whatever the size of the mart: the calendar is whole and already covers the range.
        if (min == wantFrom && max == wantTo && count == wantTo.DayNumber - wantFrom.DayNumber + 1)
        {
            return;
        }

        var existing = (await days.Select(d => d.DateKey).ToListAsync(cancellationToken)).ToHashSet();
        var missing = new List<DimDate>();
        for (var day = wantFrom; day <= wantTo; day = day.AddDays(1))
        {
            if (!existing.Contains(KeyOf(day)))
            {
                missing.Add(Row(day));
            }
        }

        // A new mart's calendar is 11k days: set-based, in the caller's transaction, rather than 11k tracked entities.
        await new Loading.BulkInserter<DimDate>(db).InsertAsync(missing, cancellationToken);
    }

    public static DateOnly FromKey(int key) => new(key / 10000, key / 100 % 100, key % 100);
}
