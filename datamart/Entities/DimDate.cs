namespace SharedServicesPipeline.DataMart.Entities;

/// <summary>The calendar, one row a day, keyed yyyymmdd; -1 is the unknown date.</summary>
public sealed class DimDate
{
    public int DateKey { get; set; }
    public DateOnly Date { get; set; }
    public int Year { get; set; }
    public int Quarter { get; set; }
    public int Month { get; set; }
    public required string MonthName { get; set; }
    /// <summary>UK public-sector financial year, 1 April to 31 March, written 2011/12.</summary>
    public required string FinancialYear { get; set; }
    /// <summary>The calendar year the financial year starts in, to sort financial years.</summary>
    public int FinancialYearStart { get; set; }
}
