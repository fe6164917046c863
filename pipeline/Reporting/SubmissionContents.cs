using SharedServicesPipeline.Pipeline.Validation;

namespace SharedServicesPipeline.Pipeline.Reporting;

/// <summary>
/// What a submission holds, for the top of its report page: arrangements read, and over the rows that loaded the
/// councils, service areas, savings and dates. Kept as totals while the rows stream past, never as rows.
/// </summary>
public sealed class SubmissionContents
{
    private readonly HashSet<string> _councils = new(StringComparer.Ordinal);
    private readonly HashSet<string> _otherBodies = new(StringComparer.Ordinal);
    private readonly HashSet<string> _serviceAreas = new(StringComparer.Ordinal);

    public int Arrangements { get; private set; }

    public int Loaded { get; private set; }

    public int Councils => _councils.Count;

    public int OtherBodies => _otherBodies.Count;

    public IReadOnlyCollection<string> ServiceAreas => _serviceAreas;

    public decimal AnnualSavings { get; private set; }

    public decimal SavingsToDate { get; private set; }

    public DateOnly? EarliestStart { get; private set; }

    public DateOnly? LatestStart { get; private set; }

    public void Add(RowVerdict verdict)
    {
        Arrangements++;
        if (verdict.Record is not { } record)
        {
            return;
        }

        Loaded++;
        foreach (var partner in record.Partners)
        {
            (partner.IsCouncil ? _councils : _otherBodies).Add(partner.Code);
        }

        _serviceAreas.Add(record.ServiceArea.Name);
        AnnualSavings += record.AnnualSavings ?? 0;
        SavingsToDate += record.SavingsToDate ?? 0;
        if (record.StartDate is { } start)
        {
            EarliestStart = EarliestStart is { } e && e <= start ? e : start;
            LatestStart = LatestStart is { } l && l >= start ? l : start;
        }
    }
}
